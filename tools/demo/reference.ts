import type { EntityManager } from 'typeorm';
import type { SkillWords } from '../../src/postings/posting-search-text';
import { enshiTownships, type Township } from './geography';
import type { SkillRef } from './population';

type Queryable = Pick<EntityManager, 'query'>;

export type SkillRow = SkillRef & SkillWords;

/** The skill taxonomy as loaded by SkillsService (config/skills.yaml → table `skill`). */
export async function loadSkills(ds: Queryable): Promise<SkillRow[]> {
  const rows: SkillRow[] = await ds.query(
    `SELECT code, name_zh AS "nameZh", synonyms, category, certificate FROM skill ORDER BY code`,
  );
  if (!rows.length)
    throw new Error('The skill table is empty: load the reference data first (bootstrap steps)');
  return rows;
}

/** The Enshi-area townships that exist in the region table (loaded by RegionsService). */
export async function loadTownships(ds: Queryable): Promise<Township[]> {
  const all = enshiTownships();
  const present: { code: string }[] = await ds.query(`SELECT code FROM region WHERE code = ANY($1)`, [
    all.map((t) => t.code),
  ]);
  if (!present.length)
    throw new Error('The region table is empty: load the reference data first (bootstrap steps)');
  const codes = new Set(present.map((r) => r.code));
  return all.filter((t) => codes.has(t.code));
}

/** True when the database holds no households and no postings (the demo's "empty database"). */
export async function isEmptyOfPopulation(ds: Queryable): Promise<boolean> {
  const [row]: { n: string }[] = await ds.query(
    `SELECT ((SELECT count(*) FROM household) + (SELECT count(*) FROM posting))::text AS n`,
  );
  return Number(row.n) === 0;
}
