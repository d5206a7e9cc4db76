/*
 * One escaping function per outside format (issue 12 item 8). Every user-supplied string that goes
 * to a robot or an e-mail passes through the one for its format (ChannelText.render), so a title
 * cannot add a line, a quote, a heading, a link or a colour tag. Markdown characters become their
 * full-width forms rather than backslash escapes: neither WeCom's nor DingTalk's renderer
 * documents backslash escapes, and full-width punctuation reads naturally in Chinese text.
 */

/** Line breaks (any kind) become one space: a value never starts a line of its own. */
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/g;
/** Other control characters and the bidirectional overrides that can make text read backwards. */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const FULL_WIDTH: Record<string, string> = {
  '\\': '＼',
  '`': '｀',
  '*': '＊',
  _: '＿',
  '[': '［',
  ']': '］',
  '(': '（',
  ')': '）',
  '<': '＜',
  '>': '＞',
  '#': '＃',
  '!': '！',
  '|': '｜',
  '~': '～',
  '&': '＆',
  '{': '｛',
  '}': '｝',
};
const MARKDOWN_SPECIAL = /[\\`*_[\]()<>#!|~&{}]/g;

function oneLine(s: string): string {
  return s.replace(CONTROLS, '').replace(LINE_BREAKS, ' ');
}

/** `http://x` → `http:／／x`: the clients turn bare URLs into links, in text and in markdown. */
function defangUrls(s: string): string {
  return s.replace(/:\/\//g, ':／／');
}

/** A list marker or a table rule at the start of a value (it may follow a line break of the wording). */
function leadingMarker(s: string): string {
  return s.replace(
    /^(\s*)([-+=])/,
    (_m, space: string, c: string) => space + { '-': '－', '+': '＋', '=': '＝' }[c]!,
  );
}

function markdownValue(s: string): string {
  return leadingMarker(defangUrls(oneLine(s).replace(MARKDOWN_SPECIAL, (c) => FULL_WIDTH[c])));
}

/** WeCom group robot markdown (headings, bold, links, quotes, `<font color>`). */
export function escapeWecomMarkdown(s: string): string {
  return markdownValue(s);
}

/** DingTalk robot markdown (also images `![]()`, lists, headings). */
export function escapeDingtalkMarkdown(s: string): string {
  return markdownValue(s);
}

/** Plain text: robot text messages, e-mail subject and text body. */
export function escapeText(s: string): string {
  return defangUrls(oneLine(s));
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML e-mail body. */
export function escapeHtml(s: string): string {
  return defangUrls(oneLine(s)).replace(/[&<>"']/g, (c) => HTML[c]);
}
