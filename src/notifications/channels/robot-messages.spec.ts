import {
  dingtalkMarkdown,
  dingtalkText,
  robotReplyError,
  truncateUtf8,
  WECOM_MARKDOWN_MAX_BYTES,
  wecomMarkdown,
  wecomText,
} from './robot-messages';

describe('WeCom group robot messages', () => {
  it('builds the markdown message WeCom expects, title first', () => {
    const msg = wecomMarkdown('新岗位有 5 位合适人选', '岗位：**茶叶加工**\n> 零就业家庭 2 户');
    expect(msg).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 新岗位有 5 位合适人选\n岗位：**茶叶加工**\n> 零就业家庭 2 户' },
    });
    expect(Object.keys(msg)).toEqual(['msgtype', 'markdown']);
  });

  it('keeps a multi-line title on one line', () => {
    expect(wecomMarkdown('第一行\n第二行', 'x').markdown.content.split('\n')[0]).toBe('### 第一行 第二行');
  });

  it('cuts content to 4096 bytes of UTF-8 without breaking a character', () => {
    const msg = wecomMarkdown('标题', '茶'.repeat(3000));
    const bytes = Buffer.byteLength(msg.markdown.content, 'utf8');
    expect(bytes).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(msg.markdown.content.endsWith('茶…')).toBe(true);
  });

  it('builds a text message', () => {
    expect(wecomText('你好')).toEqual({ msgtype: 'text', text: { content: '你好' } });
  });
});

describe('DingTalk robot messages', () => {
  it('builds the markdown message DingTalk expects, with title and text', () => {
    expect(dingtalkMarkdown('新岗位匹配', '共 **3** 人')).toEqual({
      msgtype: 'markdown',
      markdown: { title: '新岗位匹配', text: '#### 新岗位匹配\n\n共 **3** 人' },
    });
  });

  it("drops WeCom's font colour tags, which DingTalk would show as text", () => {
    expect(dingtalkMarkdown('t', '合适人选：<font color="info">3</font> 人').markdown.text).toBe(
      '#### t\n\n合适人选：3 人',
    );
  });

  it('builds a text message', () => {
    expect(dingtalkText('hi')).toEqual({ msgtype: 'text', text: { content: 'hi' } });
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
