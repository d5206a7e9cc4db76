import { CATALOGUES, DEFAULT_LANG, LANGS, type Lang, type MessageKey } from './messages';

export type { Lang, MessageKey } from './messages';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const LANG_COOKIE = 'lang';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** `t` for one language. Unknown `{placeholders}` stay visible, so a missing param shows in tests. */
export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) => {
    const text = catalogue[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
  };
}

/** A catalogue key whose text counts something and which has a `.one` twin for exactly 1. */
export type CountedKey<K = MessageKey> = K extends `${infer Base}.one`
  ? Base extends MessageKey
    ? Base
    : never
  : never;

/**
 * A count in the reader's words: 「3 个工作日」 / "3 working days", and the key's `.one` twin
 * ("1 working day") for exactly 1, where English needs the singular (the Chinese twin is the same).
 */
export function counted(t: Translate, key: CountedKey, n: number): string {
  return t(n === 1 ? `${key}.one` : key, { n });
}

/** The page language: `?lang=` (a switch link) wins over the `lang` cookie; Chinese by default. */
export function resolveLang(query: unknown, cookies: Record<string, string | undefined> | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (isLang(q)) return q;
  const c = cookies?.[LANG_COOKIE];
  return isLang(c) ? c : DEFAULT_LANG;
}
