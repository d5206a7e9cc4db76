import type { RankedMatch } from '../engine';
import { componentColumns } from './components-columns';

/*
 * The columns a ranked list writes into `match`, ONCE: the single-posting store (one unnest
 * statement, match-store.ts) and the re-rank's COPY store (match-copy.ts) both build their SQL
 * and their values from this list, so a column added here is written by both paths and compared
 * by both merges. To add a column: one entry below (and the entity + a migration). `computed_at`
 * is not in the list: it is the store's parameter, written on every change and never compared.
 */

/** Where a row's values come from: the ranked result and the resident as ranked. */
export interface MatchRowSource {
  postingId: string;
  r: RankedMatch;
  /** The resident's profile version ranked (null when not known). */
  residentVersion: number | null;
  siteId: string;
}

/** A value as both paths send it: arrays as a PostgreSQL array literal (text), null as null. */
export type MatchValue = string | number | null;

export interface MatchColumn {
  name: string;
  /** The column's SQL type (the staging table's, and the unnest parameter's cast). */
  type: string;
  value: (s: MatchRowSource) => MatchValue;
}

/** A PostgreSQL array literal of strings ('{"a","b"}'), every element quoted and escaped. */
export function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

// Components are worked out once per row and shared by its two columns.
const componentsOf = new WeakMap<RankedMatch, { values: number[]; points: number[] }>();
function components(r: RankedMatch): { values: number[]; points: number[] } {
  let c = componentsOf.get(r);
  if (!c) componentsOf.set(r, (c = componentColumns(r.components)));
  return c;
}

/** The conflict key of the merge (uq_match_posting_resident). */
export const MATCH_KEY_COLUMNS: readonly MatchColumn[] = [
  { name: 'posting_id', type: 'uuid', value: (s) => s.postingId },
  { name: 'resident_id', type: 'uuid', value: (s) => s.r.residentId },
];

/** Every other written column: updated when any of them differs (IS DISTINCT FROM). */
export const MATCH_VALUE_COLUMNS: readonly MatchColumn[] = [
  { name: 'posting_version', type: 'int', value: (s) => s.r.postingVersion },
  { name: 'resident_version', type: 'int', value: (s) => s.residentVersion },
  { name: 'score', type: 'numeric', value: (s) => s.r.score },
  { name: 'priority', type: 'numeric', value: (s) => s.r.priority },
  { name: 'rank', type: 'int', value: (s) => s.r.rank },
  { name: 'component_values', type: 'real[]', value: (s) => arrayLiteral(components(s.r).values) },
  { name: 'component_points', type: 'real[]', value: (s) => arrayLiteral(components(s.r).points) },
  { name: 'required_skills_missing', type: 'text[]', value: (s) => arrayLiteral(s.r.requiredSkillsMissing) },
  { name: 'distance_km', type: 'numeric', value: (s) => s.r.distanceKm },
  // The trip it was ranked on (issue 16): components.distance's minutes and source.
  { name: 'travel_minutes', type: 'smallint', value: (s) => s.r.travelMinutes },
  { name: 'travel_source', type: 'text', value: (s) => s.r.travelSource },
  // reason_* is the officer's text (it carries the priority note); employers read employer_reason_*.
  { name: 'reason_zh', type: 'text', value: (s) => s.r.reasons.officer.zh },
  { name: 'reason_en', type: 'text', value: (s) => s.r.reasons.officer.en },
  { name: 'engine_version', type: 'text', value: (s) => s.r.engineVersion },
  { name: 'site_id', type: 'uuid', value: (s) => s.siteId },
  { name: 'employer_reason_zh', type: 'text', value: (s) => s.r.reasons.employer.zh },
  { name: 'employer_reason_en', type: 'text', value: (s) => s.r.reasons.employer.en },
];

export const MATCH_COLUMNS: readonly MatchColumn[] = [...MATCH_KEY_COLUMNS, ...MATCH_VALUE_COLUMNS];

/** "a, b, c" of the written columns, optionally qualified ("s.a, s.b"). */
export function matchColumnList(alias?: string): string {
  return MATCH_COLUMNS.map((c) => (alias ? `${alias}.${c.name}` : c.name)).join(', ');
}

/**
 * The one merge of rows into `match`: INSERT … SELECT `select` (which yields MATCH_COLUMNS in
 * order, then computed_at) ON CONFLICT (posting_id, resident_id) DO UPDATE only when a value
 * column differs, so a row an officer acted on keeps its status and an unchanged row is not
 * rewritten (its id and computed_at stay).
 */
export function matchMergeSql(select: string): string {
  const values = MATCH_VALUE_COLUMNS.map((c) => c.name);
  return `INSERT INTO match (${matchColumnList()}, computed_at)
  ${select}
  ON CONFLICT (posting_id, resident_id) DO UPDATE SET
    ${[...values, 'computed_at'].map((n) => `${n} = EXCLUDED.${n}`).join(', ')}
  WHERE (${values.map((n) => `match.${n}`).join(', ')})
        IS DISTINCT FROM
        (${values.map((n) => `EXCLUDED.${n}`).join(', ')})`;
}
