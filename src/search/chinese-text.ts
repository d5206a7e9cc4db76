import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';

/*
 * Chinese text as search tokens, shared by skill lookup and job search. A posting's text is
 * cut into words (jieba), and every Chinese word also yields its full pinyin ("caicha") and its
 * initials ("cc"), so a resident can type 采茶, caicha or cc. Tokens are stored in a text[]
 * column with a GIN index and matched with `&&` / `@>` in PostgreSQL, so nothing scans in Node.
 */

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Han}\p{L}\p{N}]/u;
const STOP = new Set([
  '的',
  '和',
  '与',
  '及',
  '或',
  '在',
  '是',
  '了',
  '有',
  '我',
  '你',
  '他',
  '会',
  '要',
  '找',
  '想',
]);

/** The pinyin forms of a Chinese word: full ("caicha") and initials ("cc"). */
export function pinyinForms(word: string): string[] {
  if (!HAN.test(word)) return [];
  const full = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    .join('')
    .toLowerCase();
  const initials = pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
  return [...new Set([full, initials].filter((s) => s.length > 0))];
}

/** Words of a text: jieba's search-mode cut (also emits the sub-words of long words). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of segmenter().cutForSearch(text.normalize('NFKC'), true)) {
    const t = w.trim().toLowerCase();
    if (!t || !WORD.test(t) || STOP.has(t)) continue;
    out.push(t);
  }
  return out;
}

/**
 * Tokens to store for a document: its words, the single Han characters of each word (so a
 * one-character query like 茶 still finds 采茶), and the pinyin forms of each Chinese word.
 */
export function documentTokens(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of words(text)) {
      out.add(w);
      if (HAN.test(w)) {
        for (const ch of w) if (HAN.test(ch) && !STOP.has(ch)) out.add(ch);
        for (const p of pinyinForms(w)) out.add(p);
      }
    }
  }
  return [...out];
}

/**
 * The tokens a query must match, one group per query word: a document matches a word when it
 * holds any token of the group. Latin input is taken as pinyin or a code as typed ("caicha",
 * "cc", "a2"); Chinese input is segmented.
 */
export function queryTokenGroups(q: string): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const raw of q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,，、;；]+/)) {
    if (!raw) continue;
    const parts = HAN.test(raw) ? segmenter().cut(raw, true) : [raw];
    for (const p of parts) {
      const t = p.trim();
      if (!t || !WORD.test(t) || STOP.has(t) || seen.has(t)) continue;
      seen.add(t);
      groups.push([t]);
    }
  }
  return groups;
}
