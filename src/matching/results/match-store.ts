import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RankedMatch, SkillGap } from '../engine';
import { componentColumns } from './components-columns';
import { copyMatchRows } from './match-copy';

/** A PostgreSQL array literal of strings ('{"a","b"}'), every element quoted and escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export interface ResidentMeta {
  siteId: string;
  version: number;
}

/**
 * Writes ranking results, always inside the caller's transaction. Each store replaces a whole
 * list idempotently: rows no longer in the list go, rows in it are inserted or updated only when
 * something changed, so running the same job twice leaves exactly the same rows (ids included).
 */
@Injectable()
export class MatchStore {
  /**
   * Replaces a posting's top list. Matches an officer acted on (referred, dismissed) are kept even
   * when they fall out of the list: they are the record of a human decision.
   */
  async replacePostingMatches(
    m: EntityManager,
    postingId: string,
    results: readonly RankedMatch[],
    residents: ReadonlyMap<string, ResidentMeta>,
    computedAt: Date,
  ): Promise<void> {
    await this.replaceManyPostingMatches(m, [{ postingId, results, residents }], computedAt);
  }

  /** The list hashes stored with these postings' lists (PostingMatchList), by posting id. */
  async listHashes(m: EntityManager, postingIds: readonly string[]): Promise<Map<string, string>> {
    if (!postingIds.length) return new Map();
    const rows: { postingId: string; listHash: string }[] = await m.query(
      `SELECT posting_id AS "postingId", list_hash AS "listHash" FROM posting_match_list
        WHERE posting_id = ANY($1::uuid[])`,
      [[...postingIds]],
    );
    return new Map(rows.map((r) => [r.postingId, r.listHash]));
  }

  /**
   * replacePostingMatches for several postings in two statements (the nightly re-rank stores its
   * batches this way: one round trip per statement instead of per posting).
   */
  async replaceManyPostingMatches(
    m: EntityManager,
    lists: readonly {
      postingId: string;
      results: readonly RankedMatch[];
      residents: ReadonlyMap<string, ResidentMeta>;
      /** What the list was computed from (see PostingMatchList); stored with it when given. */
      hash?: { postingVersion: number; listHash: string };
    }[],
    computedAt: Date,
  ): Promise<void> {
    if (!lists.length) return;
    const hashed = lists.filter((l) => l.hash);
    if (hashed.length)
      await m.query(
        `INSERT INTO posting_match_list (posting_id, posting_version, list_hash, computed_at)
         SELECT x.id, x.version, x.hash, $4 FROM unnest($1::uuid[], $2::int[], $3::text[]) AS x(id, version, hash)
         ON CONFLICT (posting_id) DO UPDATE SET posting_version = EXCLUDED.posting_version,
                list_hash = EXCLUDED.list_hash, computed_at = EXCLUDED.computed_at`,
        [
          hashed.map((l) => l.postingId),
          hashed.map((l) => l.hash!.postingVersion),
          hashed.map((l) => l.hash!.listHash),
          computedAt,
        ],
      );
    const keepPosting: string[] = [];
    const keepResident: string[] = [];
    for (const l of lists)
      for (const r of l.results) {
        keepPosting.push(l.postingId);
        keepResident.push(r.residentId);
      }
    // Rows that left the lists, found list by list through the posting index (LATERAL, kept from
    // being flattened into a join by OFFSET 0: one index lookup per posting whatever the
    // statistics say), then deleted by primary key. A single
    // `DELETE … WHERE posting_id = ANY(…)` was planned as a scan of the whole table whenever the
    // statistics were older than the rows (the first night fills an empty table): 150 ms a chunk.
    const gone: { id: string }[] = await m.query(
      `SELECT x.id FROM unnest($1::uuid[]) AS p(id)
         CROSS JOIN LATERAL (SELECT mt.id, mt.resident_id FROM match mt
                              WHERE mt.posting_id = p.id AND mt.status = 'new' OFFSET 0) x
        WHERE NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[]) AS k(posting_id, resident_id)
                           WHERE k.posting_id = p.id AND k.resident_id = x.resident_id)`,
      [lists.map((l) => l.postingId), keepPosting, keepResident],
    );
    if (gone.length)
      await m.query(`DELETE FROM match WHERE id = ANY($1::uuid[]) AND status = 'new'`, [
        gone.map((g) => g.id),
      ]);
    const rows = lists.flatMap((l) => l.results.map((r) => ({ l, r })));
    if (!rows.length) return;
    // A re-rank batch (hundreds of rows) goes through COPY and one merge: the unnest insert
    // made PostgreSQL parse every row's arrays as text parameters (issue 18 item 3). Small
    // stores (one posting, an edit) keep the single statement, which needs no staging table.
    if (rows.length >= 500 && m.queryRunner?.isTransactionActive) {
      await copyMatchRows(m, lists, computedAt);
      return;
    }
    // One array per column (unnest): no per-row JSON for PostgreSQL to parse. Components go as two
    // real[] and the missing skills as text[], each row's as an array literal.
    const col = <T>(f: (x: (typeof rows)[number]) => T): T[] => rows.map(f);
    const components = rows.map(({ r }) => componentColumns(r.components));
    await m.query(
      `INSERT INTO match (posting_id, resident_id, posting_version, resident_version, score, priority, rank,
                          component_values, component_points, required_skills_missing, distance_km, reason_zh,
                          reason_en, engine_version, computed_at, site_id, employer_reason_zh, employer_reason_en)
       SELECT x.posting_id, x.resident_id, x.posting_version, x.resident_version, x.score, x.priority, x.rank,
              x.component_values::real[], x.component_points::real[], x.required_skills_missing::text[],
              x.distance_km, x.reason_zh, x.reason_en, x.engine_version, $15, x.site_id, x.employer_reason_zh,
              x.employer_reason_en
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::numeric[], $6::numeric[], $7::int[],
                     $8::text[], $9::text[], $10::text[], $11::numeric[], $12::text[], $13::text[], $14::text[],
                     $16::uuid[], $17::text[], $18::text[])
           AS x(posting_id, resident_id, posting_version, resident_version, score, priority, rank,
                component_values, component_points, required_skills_missing, distance_km, reason_zh, reason_en,
                engine_version, site_id, employer_reason_zh, employer_reason_en)
       ON CONFLICT (posting_id, resident_id) DO UPDATE SET
              posting_version = EXCLUDED.posting_version, resident_version = EXCLUDED.resident_version,
              score = EXCLUDED.score, priority = EXCLUDED.priority, rank = EXCLUDED.rank,
              component_values = EXCLUDED.component_values, component_points = EXCLUDED.component_points,
              required_skills_missing = EXCLUDED.required_skills_missing,
              distance_km = EXCLUDED.distance_km, reason_zh = EXCLUDED.reason_zh,
              reason_en = EXCLUDED.reason_en, engine_version = EXCLUDED.engine_version,
              computed_at = EXCLUDED.computed_at, site_id = EXCLUDED.site_id,
              employer_reason_zh = EXCLUDED.employer_reason_zh, employer_reason_en = EXCLUDED.employer_reason_en
        WHERE (match.posting_version, match.resident_version, match.score, match.priority, match.rank,
               match.component_values, match.component_points, match.required_skills_missing,
               match.distance_km, match.reason_zh, match.reason_en, match.engine_version, match.site_id,
               match.employer_reason_zh, match.employer_reason_en)
              IS DISTINCT FROM
              (EXCLUDED.posting_version, EXCLUDED.resident_version, EXCLUDED.score, EXCLUDED.priority,
               EXCLUDED.rank, EXCLUDED.component_values, EXCLUDED.component_points,
               EXCLUDED.required_skills_missing, EXCLUDED.distance_km, EXCLUDED.reason_zh, EXCLUDED.reason_en,
               EXCLUDED.engine_version, EXCLUDED.site_id, EXCLUDED.employer_reason_zh,
               EXCLUDED.employer_reason_en)`,
      [
        col(({ l }) => l.postingId),
        col(({ r }) => r.residentId),
        col(({ r }) => r.postingVersion),
        col(({ l, r }) => l.residents.get(r.residentId)?.version ?? null),
        col(({ r }) => r.score),
        col(({ r }) => r.priority),
        col(({ r }) => r.rank),
        components.map((c) => arrayLiteral(c.values.map(String))),
        components.map((c) => arrayLiteral(c.points.map(String))),
        col(({ r }) => arrayLiteral(r.requiredSkillsMissing)),
        col(({ r }) => r.distanceKm),
        // reason_* is the officer's text (it carries the priority note); employers read employer_reason_*.
        col(({ r }) => r.reasons.officer.zh),
        col(({ r }) => r.reasons.officer.en),
        col(({ r }) => r.engineVersion),
        computedAt,
        col(({ l, r }) => l.residents.get(r.residentId)!.siteId),
        col(({ r }) => r.reasons.employer.zh),
        col(({ r }) => r.reasons.employer.en),
      ],
    );
  }

  /** Replaces a resident's recommended postings and skill gaps. */
  async replaceResidentLists(
    m: EntityManager,
    residentId: string,
    recommendations: readonly RankedMatch[],
    gaps: readonly SkillGap[],
    computedAt: Date,
  ): Promise<void> {
    await m.query(
      `DELETE FROM resident_recommendation WHERE resident_id = $1 AND NOT (posting_id = ANY($2::uuid[]))`,
      [residentId, recommendations.map((r) => r.postingId)],
    );
    if (recommendations.length) {
      const rows = recommendations.map((r) => ({
        posting_id: r.postingId,
        posting_version: r.postingVersion,
        score: r.score,
        rank: r.rank,
        // The resident reads their own recommendations: plain sentences, no household note.
        reason_zh: r.reasons.resident.zh,
        reason_en: r.reasons.resident.en,
        engine_version: r.engineVersion,
      }));
      await m.query(
        `INSERT INTO resident_recommendation (resident_id, posting_id, posting_version, score, rank, reason_zh,
                                              reason_en, engine_version, computed_at)
         SELECT $1, x.posting_id, x.posting_version, x.score, x.rank, x.reason_zh, x.reason_en, x.engine_version, $3
           FROM jsonb_to_recordset($2::jsonb) AS x(posting_id uuid, posting_version int, score numeric, rank int,
                reason_zh text, reason_en text, engine_version text)
         ON CONFLICT (resident_id, posting_id) DO UPDATE SET
                posting_version = EXCLUDED.posting_version, score = EXCLUDED.score, rank = EXCLUDED.rank,
                reason_zh = EXCLUDED.reason_zh, reason_en = EXCLUDED.reason_en,
                engine_version = EXCLUDED.engine_version, computed_at = EXCLUDED.computed_at
          WHERE (resident_recommendation.posting_version, resident_recommendation.score,
                 resident_recommendation.rank, resident_recommendation.reason_zh,
                 resident_recommendation.reason_en, resident_recommendation.engine_version)
                IS DISTINCT FROM
                (EXCLUDED.posting_version, EXCLUDED.score, EXCLUDED.rank, EXCLUDED.reason_zh,
                 EXCLUDED.reason_en, EXCLUDED.engine_version)`,
        [residentId, JSON.stringify(rows), computedAt],
      );
    }
    await m.query(
      `DELETE FROM resident_skill_gap WHERE resident_id = $1 AND NOT (posting_id = ANY($2::uuid[]))`,
      [residentId, gaps.map((g) => g.postingId)],
    );
    if (gaps.length) {
      await m.query(
        `INSERT INTO resident_skill_gap (resident_id, posting_id, missing, score, computed_at)
         SELECT $1, x.posting_id, x.missing, x.score, $3
           FROM jsonb_to_recordset($2::jsonb) AS x(posting_id uuid, missing jsonb, score numeric)
         ON CONFLICT (resident_id, posting_id) DO UPDATE SET
                missing = EXCLUDED.missing, score = EXCLUDED.score, computed_at = EXCLUDED.computed_at
          WHERE (resident_skill_gap.missing, resident_skill_gap.score)
                IS DISTINCT FROM (EXCLUDED.missing, EXCLUDED.score)`,
        [
          residentId,
          JSON.stringify(gaps.map((g) => ({ posting_id: g.postingId, missing: g.missing, score: g.score }))),
          computedAt,
        ],
      );
    }
  }
}
