import { documentTokens, pinyinForms, queryTokenGroups } from '../search/chinese-text';

/*
 * Search tokens for postings, on top of src/search/chinese-text.ts: the skill taxonomy's names
 * and colloquial synonyms become concept tags (`skill:tea.picking`), stored on every posting
 * that lists the skill or mentions one of its words, and added to the group of a query word that
 * is such a word. So 摘茶 finds a posting titled 采茶工 that lists no skill at all, and
 * "zhaicha" finds it too. Pure functions: no Nest, no I/O.
 */

export interface SkillWords {
  code: string;
  nameZh: string;
  synonyms: string[];
}

const HAN = /\p{Script=Han}/u;
const MIN_TERM_CHARS = 2;

export function skillTag(code: string): string {
  return `skill:${code}`;
}

/** Skill words (names, synonyms and their full pinyin) → the skills they name. */
export class SkillTerms {
  private readonly terms = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();
  private longest = 0;

  constructor(skills: Iterable<SkillWords>) {
    for (const s of skills) {
      this.names.set(s.code, s.nameZh.toLowerCase());
      for (const word of [s.nameZh, ...s.synonyms]) {
        const w = word.normalize('NFKC').trim().toLowerCase();
        if ([...w].length < MIN_TERM_CHARS) continue;
        this.add(w, s.code);
        const full = pinyinForms(w)[0];
        if (full && full !== w) this.add(full, s.code);
      }
    }
  }

  private add(term: string, code: string): void {
    let set = this.terms.get(term);
    if (!set) this.terms.set(term, (set = new Set()));
    set.add(code);
    if (HAN.test(term)) this.longest = Math.max(this.longest, [...term].length);
  }

  codesOf(term: string): string[] {
    return [...(this.terms.get(term) ?? [])];
  }

  /** Concept tags of the skills whose Chinese words occur in these texts. */
  tagsIn(...texts: (string | null | undefined)[]): string[] {
    const out = new Set<string>();
    for (const text of texts) {
      if (!text) continue;
      const t = text.normalize('NFKC').toLowerCase();
      for (const [term, codes] of this.terms) {
        if (HAN.test(term) && t.includes(term)) for (const c of codes) out.add(skillTag(c));
      }
    }
    return [...out];
  }

  /** The group of a query word that names skills: the word, the skills' tags and their names. */
  groupFor(term: string): string[] | null {
    const codes = this.codesOf(term);
    if (!codes.length) return null;
    return [...new Set([term, ...codes.map(skillTag), ...codes.map((c) => this.names.get(c) ?? '')])].filter(
      Boolean,
    );
  }

  /**
   * Splits a Chinese query piece into skill words (longest first, left to right) and the rest,
   * e.g. 摘茶工 → [摘茶 (skill word), 工].
   */
  split(piece: string): { text: string; isTerm: boolean }[] {
    const chars = [...piece];
    const out: { text: string; isTerm: boolean }[] = [];
    let rest = '';
    for (let i = 0; i < chars.length;) {
      let found = '';
      for (let len = Math.min(this.longest, chars.length - i); len >= MIN_TERM_CHARS; len--) {
        const cand = chars.slice(i, i + len).join('');
        if (this.terms.has(cand)) {
          found = cand;
          break;
        }
      }
      if (found) {
        if (rest) out.push({ text: rest, isTerm: false });
        rest = '';
        out.push({ text: found, isTerm: true });
        i += [...found].length;
      } else {
        rest += chars[i];
        i += 1;
      }
    }
    if (rest) out.push({ text: rest, isTerm: false });
    return out;
  }
}

export interface PostingText {
  title: string;
  description: string;
  employerName: string;
  /** Codes the posting lists. */
  skillCodes: string[];
  /** Names and synonyms of those skills (SkillsService.textsOf). */
  skillTexts: string[];
}

/** search_tokens and title_tokens of a posting, computed on every write. */
export function postingTokens(
  p: PostingText,
  terms: SkillTerms,
): { searchTokens: string[]; titleTokens: string[] } {
  const titleTokens = new Set([...documentTokens(p.title), ...terms.tagsIn(p.title)]);
  const searchTokens = new Set([
    ...titleTokens,
    ...documentTokens(p.description, p.employerName, ...p.skillTexts),
    ...terms.tagsIn(p.description),
    ...p.skillCodes.map(skillTag),
  ]);
  return { searchTokens: [...searchTokens], titleTokens: [...titleTokens] };
}

/**
 * What a query must match: one group per word (a posting matches a word when it holds any token
 * of its group), as queryTokenGroups, with skill words expanded to their skill.
 */
export function searchGroups(q: string, terms: SkillTerms): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  const push = (g: string[]) => {
    if (seen.has(g[0])) return;
    seen.add(g[0]);
    groups.push(g);
  };
  const plain = (text: string) => {
    for (const g of queryTokenGroups(text)) push(terms.groupFor(g[0]) ?? g);
  };
  for (const piece of q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,，、;；]+/)) {
    if (!piece) continue;
    const whole = terms.groupFor(piece);
    if (whole) {
      push(whole);
      continue;
    }
    if (!HAN.test(piece)) {
      plain(piece);
      continue;
    }
    for (const part of terms.split(piece)) {
      if (part.isTerm) push(terms.groupFor(part.text)!);
      else plain(part.text);
    }
  }
  return groups;
}
