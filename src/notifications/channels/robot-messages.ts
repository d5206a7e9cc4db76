import type { ChannelText } from './channel-text';
import { escapeDingtalkMarkdown, escapeText, escapeWecomMarkdown } from './escape';

/*
 * Message bodies of the group robots officers already use, in their real formats:
 * - WeCom (企业微信群机器人): POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
 *   `{ msgtype: 'markdown', markdown: { content } }` (content ≤ 4096 bytes UTF-8) or
 *   `{ msgtype: 'text', text: { content } }` (≤ 2048 bytes).
 * - DingTalk (钉钉自定义机器人): POST https://oapi.dingtalk.com/robot/send?access_token=…
 *   `{ msgtype: 'markdown', markdown: { title, text } }` or `{ msgtype: 'text', text: { content } }`
 *   (≤ 20000 bytes).
 * Both answer HTTP 200 with `{ errcode: 0, errmsg: 'ok' }` on success; any other errcode is a failure.
 */

export const WECOM_MARKDOWN_MAX_BYTES = 4096;
export const WECOM_TEXT_MAX_BYTES = 2048;
export const DINGTALK_MAX_BYTES = 20000;

export interface WecomMarkdownMessage {
  msgtype: 'markdown';
  markdown: { content: string };
}
export interface WecomTextMessage {
  msgtype: 'text';
  text: { content: string };
}
export interface DingtalkMarkdownMessage {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}
export interface DingtalkTextMessage {
  msgtype: 'text';
  text: { content: string };
}
export type RobotMessage =
  WecomMarkdownMessage | WecomTextMessage | DingtalkMarkdownMessage | DingtalkTextMessage;

const ELLIPSIS = '…';

/** Cuts `s` to at most `maxBytes` of UTF-8 without splitting a character; marks the cut with an ellipsis. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= maxBytes) return s;
  const budget = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > budget) break;
    out += ch;
    used += n;
  }
  return out + ELLIPSIS;
}

/*
 * Titles are user-supplied as a whole (they carry a posting's title): escaped like any value. The
 * body's wording is the caller's (a ChannelText literal), its values are escaped for the format.
 */

export function wecomMarkdown(title: string, body: ChannelText): WecomMarkdownMessage {
  const content = `### ${escapeWecomMarkdown(title).trim()}\n${body.render(escapeWecomMarkdown)}`;
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(content, WECOM_MARKDOWN_MAX_BYTES) } };
}

export function wecomText(body: ChannelText): WecomTextMessage {
  return { msgtype: 'text', text: { content: truncateUtf8(body.render(escapeText), WECOM_TEXT_MAX_BYTES) } };
}

/** WeCom's `<font color="info|comment|warning">` has no DingTalk equivalent: keep the words, drop the tag. */
function withoutFontTags(markdown: string): string {
  return markdown.replace(/<\/?font\b[^>]*>/gi, '');
}

export function dingtalkMarkdown(title: string, body: ChannelText): DingtalkMarkdownMessage {
  const t = escapeDingtalkMarkdown(title).trim();
  // DingTalk shows `title` in the chat list and push preview (plain text); the body repeats it as a heading.
  const text = truncateUtf8(
    `#### ${t}\n\n${body.render(escapeDingtalkMarkdown, withoutFontTags)}`,
    DINGTALK_MAX_BYTES - Buffer.byteLength(t, 'utf8') - 64,
  );
  return { msgtype: 'markdown', markdown: { title: truncateUtf8(escapeText(title).trim(), 256), text } };
}

export function dingtalkText(body: ChannelText): DingtalkTextMessage {
  return {
    msgtype: 'text',
    text: { content: truncateUtf8(body.render(escapeText), DINGTALK_MAX_BYTES - 64) },
  };
}

export interface RobotReply {
  errcode?: unknown;
  errmsg?: unknown;
}

/** null when the robot accepted the message, else the reason (for `lastError`). */
export function robotReplyError(status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  let reply: RobotReply;
  try {
    reply = JSON.parse(body) as RobotReply;
  } catch {
    return `HTTP ${status}, not JSON`;
  }
  if (reply === null || typeof reply !== 'object') return `HTTP ${status}, not a robot reply`;
  if (reply.errcode !== 0)
    return `errcode ${String(reply.errcode)}: ${(typeof reply.errmsg === 'string' ? reply.errmsg : '').slice(0, 200)}`;
  return null;
}
