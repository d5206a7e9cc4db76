import { skillTag, SkillTerms, type SkillWords } from '../../src/postings/posting-search-text';
import { documentTokens } from '../../src/search/chinese-text';
import type { PostingRow } from './population-rows';

/** Posting tokens exactly as postingTokens() computes them, with each text tokenised once. */
export class PostingTokenizer {
  private readonly terms: SkillTerms;
  private readonly docs = new Map<string, string[]>();
  private readonly tags = new Map<string, string[]>();
  private readonly skillTexts: Map<string, string[]>;

  constructor(skills: SkillWords[]) {
    this.terms = new SkillTerms(skills);
    this.skillTexts = new Map(skills.map((s) => [s.code, [s.nameZh, ...s.synonyms]]));
  }

  private doc(text: string): string[] {
    let t = this.docs.get(text);
    if (!t) this.docs.set(text, (t = documentTokens(text)));
    return t;
  }

  private tagsIn(text: string): string[] {
    let t = this.tags.get(text);
    if (!t) this.tags.set(text, (t = this.terms.tagsIn(text)));
    return t;
  }

  // postingTokens() takes the union of documentTokens/tagsIn over its texts, so the union of
  // per-text results is the same set (checked against it in population.spec.ts).
  tokens(p: Pick<PostingRow, 'title' | 'description' | 'employerName' | 'skills'>): {
    searchTokens: string[];
    titleTokens: string[];
  } {
    const codes = p.skills.map((s) => s.code);
    const title = new Set([...this.doc(p.title), ...this.tagsIn(p.title)]);
    const search = new Set([...title, ...this.doc(p.description), ...this.tagsIn(p.description)]);
    if (p.employerName) for (const t of this.doc(p.employerName)) search.add(t);
    for (const c of codes) {
      for (const text of this.skillTexts.get(c) ?? []) for (const t of this.doc(text)) search.add(t);
      search.add(skillTag(c));
    }
    return { searchTokens: [...search], titleTokens: [...title] };
  }
}
