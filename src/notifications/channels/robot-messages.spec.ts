import { channelText, verbatim } from './channel-text';
import { emailMessage } from './email-channel';
import {
  dingtalkMarkdown,
  dingtalkText,
  robotReplyError,
  truncateUtf8,
  WECOM_MARKDOWN_MAX_BYTES,
  wecomMarkdown,
  wecomText,
} from './robot-messages';

/** Issue 12 item 8: the posting title an attacker wrote, as it reached an officers' group chat. */
const HOSTILE = '采茶工\n> **账号异常，[点此重新登录](http://evil.example)**';

describe('WeCom group robot messages', () => {
  it('builds the markdown message WeCom expects, title first', () => {
    const msg = wecomMarkdown(
      '新岗位有 5 位合适人选',
      channelText`岗位：**${'茶叶加工'}**\n> 零就业家庭 ${2} 户`,
    );
    expect(msg).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 新岗位有 5 位合适人选\n岗位：**茶叶加工**\n> 零就业家庭 2 户' },
    });
    expect(Object.keys(msg)).toEqual(['msgtype', 'markdown']);
  });

  it('keeps a multi-line title on one line', () => {
    expect(wecomMarkdown('第一行\n第二行', channelText`x`).markdown.content.split('\n')[0]).toBe(
      '### 第一行 第二行',
    );
  });

  it('cuts content to 4096 bytes of UTF-8 without breaking a character', () => {
    const msg = wecomMarkdown('标题', channelText`${'茶'.repeat(3000)}`);
    const bytes = Buffer.byteLength(msg.markdown.content, 'utf8');
    expect(bytes).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(msg.markdown.content.endsWith('茶…')).toBe(true);
  });

  it('builds a text message', () => {
    expect(wecomText(channelText`你好`)).toEqual({ msgtype: 'text', text: { content: '你好' } });
  });

  it('a hostile title adds no line, quote, bold, link or colour, in the title or the body', () => {
    const msg = wecomMarkdown(
      `「${HOSTILE}」有 3 位合适人选`,
      channelText`**新岗位匹配：${HOSTILE}**\n> 合适人选：<font color="info">${3}</font> 人\n名单：${verbatim('/officer/x')}`,
    );
    const lines = msg.markdown.content.split('\n');
    expect(lines).toHaveLength(4); // heading, two lines of wording, the link line: none added
    expect(lines[0]).toBe(
      '### 「采茶工 ＞ ＊＊账号异常，［点此重新登录］（http:／／evil.example）＊＊」有 3 位合适人选',
    );
    expect(lines[1]).toBe(
      '**新岗位匹配：采茶工 ＞ ＊＊账号异常，［点此重新登录］（http:／／evil.example）＊＊**',
    );
    expect(lines[2]).toBe('> 合适人选：<font color="info">3</font> 人'); // the wording keeps its markdown
    expect(lines[3]).toBe('名单：/officer/x');
    const values = lines.slice(0, 2).join('\n');
    expect(values).not.toMatch(/\]\(|http:\/\/|\n>|<font/);
  });

  it('escapes a value in a text message: no line break, no clickable URL', () => {
    expect(wecomText(channelText`岗位：${HOSTILE}`).text.content).toBe(
      '岗位：采茶工 > **账号异常，[点此重新登录](http:／／evil.example)**',
    );
  });
});

describe('DingTalk robot messages', () => {
  it('builds the markdown message DingTalk expects, with title and text', () => {
    expect(dingtalkMarkdown('新岗位匹配', channelText`共 **${3}** 人`)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '新岗位匹配', text: '#### 新岗位匹配\n\n共 **3** 人' },
    });
  });

  it("drops WeCom's font colour tags, which DingTalk would show as text", () => {
    expect(
      dingtalkMarkdown('t', channelText`合适人选：<font color="info">${3}</font> 人`).markdown.text,
    ).toBe('#### t\n\n合适人选：3 人');
  });

  it('builds a text message', () => {
    expect(dingtalkText(channelText`hi`)).toEqual({ msgtype: 'text', text: { content: 'hi' } });
  });

  it('a hostile title adds no line, quote, bold, link or image, in the title, the chat-list title or the body', () => {
    const msg = dingtalkMarkdown(HOSTILE, channelText`**${HOSTILE}**\n![x](${'http://evil.example/p.png'})`);
    expect(msg.markdown.title).toBe('采茶工 > **账号异常，[点此重新登录](http:／／evil.example)**');
    expect(msg.markdown.title).not.toMatch(/\n|http:\/\//);
    const lines = msg.markdown.text.split('\n');
    expect(lines).toEqual([
      '#### 采茶工 ＞ ＊＊账号异常，［点此重新登录］（http:／／evil.example）＊＊',
      '',
      '**采茶工 ＞ ＊＊账号异常，［点此重新登录］（http:／／evil.example）＊＊**',
      '![x](http:／／evil.example/p.png)',
    ]);
  });
});

describe('e-mail of a site channel', () => {
  it('escapes the subject, the text body and the HTML body, keeping the wording', () => {
    const mail = emailMessage(
      HOSTILE,
      channelText`岗位：${HOSTILE}\n<b>${'<img src=x onerror=alert(1)>'}</b>`,
    );
    expect(mail.subject).toBe('采茶工 > **账号异常，[点此重新登录](http:／／evil.example)**');
    expect(mail.text.split('\n')).toHaveLength(2);
    expect(mail.text).not.toContain('http://');
    expect(mail.html).toBe(
      '<p>岗位：采茶工 &gt; **账号异常，[点此重新登录](http:／／evil.example)**<br>\n' +
        '&#60;b&#62;&lt;img src=x onerror=alert(1)&gt;&#60;/b&#62;</p>',
    );
    expect(mail.html).not.toMatch(/<img|<a /);
  });
});

describe('truncateUtf8', () => {
  it('leaves short strings alone', () => {
    expect(truncateUtf8('abc', 3)).toBe('abc');
  });
  it('never exceeds the budget', () => {
    for (let n = 4; n < 20; n += 1)
      expect(Buffer.byteLength(truncateUtf8('采茶工'.repeat(5), n))).toBeLessThanOrEqual(n);
  });
});

describe('robot replies', () => {
  it('accepts errcode 0', () => {
    expect(robotReplyError(200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
  });
  it('refuses a non-zero errcode, a 500, a non-JSON body', () => {
    expect(robotReplyError(200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatch(/93000/);
    expect(robotReplyError(500, '{"errcode":0}')).toBe('HTTP 500');
    expect(robotReplyError(200, '<html>')).toMatch(/not JSON/);
    expect(robotReplyError(200, '{}')).toMatch(/errcode undefined/);
  });
});
