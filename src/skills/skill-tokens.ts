import { pinyin } from 'pinyin-pro';
import type { SkillYaml } from './taxonomy';

/*
 * Search tokens of a skill. The skill table is small (a few hundred rows) but is searched on
 * every keystroke of a picker, so every way a resident may type a skill is precomputed into
 * `skill.search_tokens` (GIN-indexed) and a query is a set of `&&` overlaps, never a LIKE scan:
 *
 *   plain  "采茶", "茶", "caicha", "cai", "cc", "picking"  the query word occurs in the skill
 *          (every Chinese substring of a name or synonym; every pinyin prefix starting at a
 *          syllable; initials of every run of two or more syllables; English words and their
 *          prefixes; code segments)
 *   ^form  "^采", "^cai", "^tea p", "^driving."            a name, synonym, code or its pinyin
 *          starts with the whole query (ranked second)
 *   =form  "=采茶", "=caicha", "=cc", "=tea.picking"        the whole query is a name, synonym,
 *          code or its pinyin (ranked first)
 *
 * Rows hold a few hundred tokens each; for ~300 skills that is far below what a GIN index
 * notices, and prefix search ("cai" → 采茶) costs nothing at query time.
 */

export const EXACT = '=';
export const PREFIX = '^';

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z0-9]/;
const MAX_SUBSTRING = 12;

/** Lowercase, full-width folded, single spaces. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

interface Unit {
  /** pinyin of a Han character, or a run of Latin letters/digits as written */
  full: string;
  initial: string;
}

/** A text as pinyin units: one per Han character, one per Latin/digit run; the rest is dropped. */
function units(text: string): Unit[] {
  const chars = [...text];
  const py = pinyin(text, { toneType: 'none', type: 'array', v: true });
  const aligned = py.length === chars.length;
  const out: Unit[] = [];
  let latin = '';
  const flush = () => {
    if (latin) out.push({ full: latin, initial: latin });
    latin = '';
  };
  chars.forEach((ch, i) => {
    if (HAN.test(ch)) {
      flush();
      const full = (aligned ? py[i] : pinyin(ch, { toneType: 'none', v: true })).toLowerCase();
      if (/^[a-z]+$/.test(full)) out.push({ full, initial: full[0] });
    } else if (LATIN.test(ch)) {
      latin += ch;
    } else {
      flush();
    }
  });
  flush();
  return out;
}

/** Both spellings of ü: pinyin-pro writes "lv" (绿), many people type "lu". */
function umlautForms(s: string): string[] {
  return s.includes('v') ? [s, s.replace(/v/g, 'u')] : [s];
}

function prefixes(s: string, min: number): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let n = min; n <= chars.length; n++) out.push(chars.slice(0, n).join(''));
  return out;
}

/** Tokens of a Chinese name or synonym (may contain Latin: "C1驾驶", "SMT贴片操作", "Excel"). */
function textTokens(raw: string, out: Set<string>): void {
  const t = normalize(raw).replace(/\s/g, '');
  if (!t) return;
  out.add(EXACT + t);
  for (const p of prefixes(t, 1)) out.add(PREFIX + p);
  const chars = [...t];
  if (HAN.test(t)) {
    for (let i = 0; i < chars.length; i++)
      for (let j = i + 1; j <= Math.min(chars.length, i + MAX_SUBSTRING); j++) {
        const sub = chars.slice(i, j).join('');
        if (HAN.test(sub)) out.add(sub);
      }
  } else {
    for (const p of prefixes(t, 2)) out.add(p);
  }
  const us = units(t);
  if (!us.length) return;
  const initials = us.map((u) => u.initial).join('');
  out.add(EXACT + initials);
  for (const p of prefixes(initials, 1)) out.add(PREFIX + p);
  for (const full of umlautForms(us.map((u) => u.full).join(''))) {
    out.add(EXACT + full);
    for (const p of prefixes(full, 1)) out.add(PREFIX + p);
  }
  for (let i = 0; i < us.length; i++) {
    // every pinyin prefix that starts at a syllable: "cai", "caich", "cha", "chaye" for 采茶叶
    for (const suffix of umlautForms(
      us
        .slice(i)
        .map((u) => u.full)
        .join(''),
    ))
      for (const p of prefixes(suffix, 2)) out.add(p);
    // initials of every run of at least two syllables: "cc", "cy", "ccy"
    for (let j = i + 2; j <= us.length; j++)
      out.add(
        us
          .slice(i, j)
          .map((u) => u.initial)
          .join(''),
      );
  }
}

function englishTokens(raw: string, out: Set<string>): void {
  const e = normalize(raw);
  if (!e) return;
  out.add(EXACT + e);
  for (const p of prefixes(e, 1)) out.add(PREFIX + p);
  const words = new Set([...e.split(/[^a-z0-9]+/), ...e.replace(/-/g, '').split(/[^a-z0-9]+/)]);
  for (const w of words) if (w.length >= 2) for (const p of prefixes(w, 2)) out.add(p);
}

function codeTokens(code: string, out: Set<string>): void {
  out.add(EXACT + code);
  for (const p of prefixes(code, 1)) out.add(PREFIX + p);
  for (const seg of code.split(/[._]/)) if (seg.length >= 2) for (const p of prefixes(seg, 2)) out.add(p);
}

/** Everything `GET /skills?q=` may match a skill by (see the comment at the top). */
export function skillSearchTokens(s: SkillYaml): string[] {
  const out = new Set<string>();
  codeTokens(s.code, out);
  textTokens(s.nameZh, out);
  for (const syn of s.synonyms ?? []) textTokens(syn, out);
  englishTokens(s.nameEn, out);
  return [...out].sort();
}
