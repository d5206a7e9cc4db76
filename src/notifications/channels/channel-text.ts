/**
 * A message body for the outside channels with the user-supplied parts kept apart from the
 * wording (issue 12 item 8: a posting title carrying `\n> [点此重新登录](http://evil.example)`
 * went raw into the officers' group chats). Written with the `channelText` tag; each channel's
 * renderer escapes the values for its own format (escape.ts), the wording stays as written.
 */
export class ChannelText {
  constructor(
    readonly literals: readonly string[],
    readonly values: readonly string[],
  ) {}

  /** `escapeLiteral` for a format whose wording needs it too (HTML); the identity otherwise. */
  render(escapeValue: (s: string) => string, escapeLiteral: (s: string) => string = (s) => s): string {
    let out = escapeLiteral(this.literals[0]);
    this.values.forEach((v, i) => {
      out += escapeValue(v) + escapeLiteral(this.literals[i + 1]);
    });
    return out;
  }
}

/** Text the server made itself (a link to its own pages): part of the wording, never escaped. */
export class Verbatim {
  constructor(readonly text: string) {}
}

export function verbatim(text: string): Verbatim {
  return new Verbatim(text);
}

/**
 * `channelText\`岗位：**${posting.title}**\`` — every `${…}` is a value, escaped per channel,
 * except `${verbatim(link)}`.
 */
export function channelText(literals: TemplateStringsArray, ...values: unknown[]): ChannelText {
  const outLiterals = [literals[0]];
  const outValues: string[] = [];
  values.forEach((v, i) => {
    if (v instanceof Verbatim) {
      outLiterals[outLiterals.length - 1] += v.text + literals[i + 1];
    } else {
      outValues.push(String(v));
      outLiterals.push(literals[i + 1]);
    }
  });
  return new ChannelText(outLiterals, outValues);
}
