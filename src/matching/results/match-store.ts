import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RankedMatch, SkillGap } from '../engine';
import { copyMatchRows } from './match-copy';
import { MATCH_COLUMNS, matchColumnList, matchMergeSql, type MatchRowSource } from './match-columns';

/** The single-statement store: one array parameter per column ($1…$n), computed_at last. */
const UNNEST_MERGE = matchMergeSql(
  `SELECT ${MATCH_COLUMNS.map((c) => `x.${c.name}::${c.type}`).join(', ')}, $${MATCH_COLUMNS.length + 1}::timestamptz
     FROM unnest(${MATCH_COLUMNS.map((c, i) => `$${i + 1}::${c.type.endsWith('[]') ? 'text' : c.type}[]`).join(', ')})
       AS x(${matchColumnList()})`,
);

export interface ResidentMeta {
  siteId: string;
  version: number;
}

/**
 * Writes ranking results, always inside the caller's transaction (RankingRepository opens it and
 * reads the stored hashes). Each store replaces a whole list idempotently: rows no longer in the
 * list go, rows in it are inserted or updated only when something changed, so running the same
 * job twice leaves exactly the same rows (ids included).
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
    // One array per column (unnest): no per-row JSON for PostgreSQL to parse. Array columns go as
    // their array literals (text[]) and are cast back per row.
    const sources: MatchRowSource[] = rows.map(({ l, r }) => {
      const meta = l.residents.get(r.residentId);
      return { postingId: l.postingId, r, residentVersion: meta?.version ?? null, siteId: meta!.siteId };
    });
    await m.query(UNNEST_MERGE, [...MATCH_COLUMNS.map((c) => sources.map((s) => c.value(s))), computedAt]);
  }

  /** Replaces a resident's recommended postings and skill gaps. */
  async replaceResidentLists(
    m: EntityManager,
    residentId: string,
    recommendations: readonly RankedMatch[],
    gaps: readonly SkillGap[],
    computedAt: Date,
  ): Promise<void> {
    await this.replaceManyResidentLists(m, [{ residentId, recommendations, gaps }], computedAt);
  }

  /**
   * replaceResidentLists for many residents in four statements, whatever their number (a re-rank
   * batch refills hundreds of lists: four round trips each made that seconds). Rows that stay
   * and did not change are not rewritten.
   */
  async replaceManyResidentLists(
    m: EntityManager,
    lists: readonly {
      residentId: string;
      recommendations: readonly RankedMatch[];
      gaps: readonly SkillGap[];
    }[],
    computedAt: Date,
  ): Promise<void> {
    if (!lists.length) return;
    const ids = lists.map((l) => l.residentId);
    const recs = lists.flatMap((l) => l.recommendations.map((r) => ({ residentId: l.residentId, r })));
    await m.query(
      `DELETE FROM resident_recommendation rr
        WHERE rr.resident_id = ANY($1::uuid[])
          AND (rr.resident_id, rr.posting_id) NOT IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [ids, recs.map((x) => x.residentId), recs.map((x) => x.r.postingId)],
    );
    if (recs.length)
      await m.query(
        `INSERT INTO resident_recommendation (resident_id, posting_id, posting_version, score, rank, reason_zh,
                                              reason_en, engine_version, computed_at)
         SELECT x.*, $9::timestamptz
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::numeric[], $5::int[], $6::text[], $7::text[],
                       $8::text[])
             AS x(resident_id, posting_id, posting_version, score, rank, reason_zh, reason_en, engine_version)
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
        [
          recs.map((x) => x.residentId),
          recs.map((x) => x.r.postingId),
          recs.map((x) => x.r.postingVersion),
          recs.map((x) => x.r.score),
          recs.map((x) => x.r.rank),
          // The resident reads their own recommendations: plain sentences, no household note.
          recs.map((x) => x.r.reasons.resident.zh),
          recs.map((x) => x.r.reasons.resident.en),
          recs.map((x) => x.r.engineVersion),
          computedAt,
        ],
      );
    const gaps = lists.flatMap((l) => l.gaps.map((g) => ({ residentId: l.residentId, g })));
    await m.query(
      `DELETE FROM resident_skill_gap sg
        WHERE sg.resident_id = ANY($1::uuid[])
          AND (sg.resident_id, sg.posting_id) NOT IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [ids, gaps.map((x) => x.residentId), gaps.map((x) => x.g.postingId)],
    );
    if (gaps.length)
      await m.query(
        `INSERT INTO resident_skill_gap (resident_id, posting_id, missing, score, computed_at)
         SELECT x.resident_id, x.posting_id, x.missing::jsonb, x.score, $5::timestamptz
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[]) AS x(resident_id, posting_id, missing, score)
         ON CONFLICT (resident_id, posting_id) DO UPDATE SET
                missing = EXCLUDED.missing, score = EXCLUDED.score, computed_at = EXCLUDED.computed_at
          WHERE (resident_skill_gap.missing, resident_skill_gap.score)
                IS DISTINCT FROM (EXCLUDED.missing, EXCLUDED.score)`,
        [
          gaps.map((x) => x.residentId),
          gaps.map((x) => x.g.postingId),
          gaps.map((x) => JSON.stringify(x.g.missing)),
          gaps.map((x) => x.g.score),
          computedAt,
        ],
      );
  }
}
