import type { MessageKey, Translate } from '../../../i18n/web/i18n';

/** A catalogue key whose text counts something and which has a `.one` twin for exactly 1. */
type Counted<K = MessageKey> = K extends `${infer Base}.one`
  ? Base extends MessageKey
    ? Base
    : never
  : never;

/** 「3 个工作日」 / "3 working days", and "1 working day" where English needs the singular. */
export function counted(t: Translate, key: Counted, n: number): string {
  return t(n === 1 ? `${key}.one` : key, { n });
}
