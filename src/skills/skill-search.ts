import { words } from '../search/chinese-text';
import { EXACT, normalize, PREFIX } from './skill-tokens';

/** What a `GET /skills?q=` query asks the skill table (see skill-tokens.ts for the token kinds). */
export interface SkillQuery {
  /** One group per query word; a skill matches the word when it holds any token of its group. */
  groups: string[][];
  /** The whole query as a name, synonym, code or pinyin: ranked first. */
  exact: string[];
  /** The whole query as the start of one: ranked second. */
  prefix: string[];
}

const HAN_OR_NOT = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const HAN = /\p{Script=Han}/u;

/** null for a blank query (list everything). */
export function skillQuery(q: string | undefined): SkillQuery | null {
  const n = normalize(q ?? '');
  if (!n) return null;
  const compact = n.replace(/\s/g, '');
  const groups: string[][] = [];
  const seen = new Set<string>();
  const push = (g: string[]) => {
    if (seen.has(g[0])) return;
    seen.add(g[0]);
    groups.push(g);
  };
  for (const chunk of n.split(/[\s,，、;；/|]+/)) {
    for (const run of chunk.match(HAN_OR_NOT) ?? []) {
      if (HAN.test(run)) {
        // every Chinese substring of a skill is a token, so any jieba word of the query can match
        for (const w of words(run)) if (HAN.test(w)) push([w]);
      } else {
        const t = run.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
        if (t) push([t, PREFIX + t]);
      }
    }
  }
  return {
    groups,
    exact: [...new Set([EXACT + n, EXACT + compact])],
    prefix: [...new Set([PREFIX + n, PREFIX + compact])],
  };
}

/**
 * The one SQL statement of a skill search. Its WHERE is a single `search_tokens && $1` overlap,
 * which the GIN index idx_skill_search_tokens serves (prefix matching included: prefixes are
 * tokens). With a few hundred rows the planner may still prefer a sequential scan; that is its
 * right call, and the e2e test checks the index is usable.
 *
 * Ranking: skills matching more query words first (so "我想学开车" still finds the driving
 * skills when one word matches nothing), then exact name/synonym/code/pinyin, then prefix,
 * then the shorter name.
 */
export function skillSearchSql(query: SkillQuery, limit: number): { sql: string; params: unknown[] } {
  const any = [...new Set(query.groups.flat())];
  const params: unknown[] = [any, query.exact, query.prefix, limit];
  const hits = query.groups.map((g) => {
    params.push(g);
    return `(CASE WHEN s.search_tokens && $${params.length}::text[] THEN 1 ELSE 0 END)`;
  });
  const sql = `
    SELECT s.code, s.name_zh AS "nameZh", s.name_en AS "nameEn", s.category, s.synonyms, s.certificate,
           ${hits.length ? hits.join(' + ') : '0'} AS hits,
           CASE WHEN s.search_tokens && $2::text[] THEN 0
                WHEN s.search_tokens && $3::text[] THEN 1
                ELSE 2 END AS tier
      FROM skill s
     WHERE s.search_tokens && $1::text[]
     ORDER BY hits DESC, tier, char_length(s.name_zh), s.code
     LIMIT $4`;
  return { sql, params };
}
