import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { lockKey } from './ranking-locks';
import type { StoredRecommendation } from './results/recommendation-lists';

/** What RankingRepository.listBars reads of one resident's list. */
export interface ListBar {
  /** The last place's score of a full list; null while the list is not full. */
  last: number | null;
  /** The row the list holds for the posting asked about. */
  held: { score: number; postingVersion: number; engineVersion: string } | null;
}

/*
 * The ranking's transactions, its advisory locks and its reads of the stored lists (issue 14
 * item 4): RankingService, PostingListWriter and ResidentSideWriter open their transactions here
 * and take their locks here; the writes inside them are MatchStore's and RecommendationStore's,
 * which take the transaction's manager. Methods that take a manager run in the caller's
 * transaction; an optional one falls back to the pool.
 */
@Injectable()
export class RankingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  /** Advisory locks in one fixed order (postings before residents, each sorted): no deadlock. */
  async lockAll(m: EntityManager, kind: 'posting' | 'resident', ids: readonly string[]): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k', [
      [...new Set(ids.map((id) => lockKey(kind, id)))].sort(),
    ]);
  }

  /** One posting's or resident's lock (rank-resident's). */
  async lockOne(m: EntityManager, kind: 'posting' | 'resident', id: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(kind, id)]);
  }

  /** The resident's current version, read under its lock; null when the resident is gone. */
  async residentVersion(m: EntityManager, residentId: string): Promise<number | null> {
    const rows: { version: number }[] = await m.query('SELECT version FROM resident WHERE id = $1', [
      residentId,
    ]);
    return rows.length ? Number(rows[0].version) : null;
  }

  /** The list and scores hashes stored with these postings' lists (PostingMatchList), by posting id. */
  async listHashes(
    postingIds: readonly string[],
    m?: EntityManager,
  ): Promise<Map<string, { list: string; scores: string | null }>> {
    if (!postingIds.length) return new Map();
    const rows: { postingId: string; listHash: string; scoresHash: string | null }[] = await this.q(m).query(
      `SELECT posting_id AS "postingId", list_hash AS "listHash", scores_hash AS "scoresHash"
         FROM posting_match_list WHERE posting_id = ANY($1::uuid[])`,
      [[...postingIds]],
    );
    return new Map(rows.map((r) => [r.postingId, { list: r.listHash, scores: r.scoresHash }]));
  }

  /** Records what these postings' residents' side was merged from (their rows exist by then). */
  async setScoresHashes(hashes: ReadonlyMap<string, string>, m?: EntityManager): Promise<void> {
    if (!hashes.size) return;
    await this.q(m).query(
      `UPDATE posting_match_list l SET scores_hash = x.hash
         FROM unnest($1::uuid[], $2::text[]) AS x(id, hash) WHERE l.posting_id = x.id`,
      [[...hashes.keys()], [...hashes.values()]],
    );
  }

  /** The residents whose recommendation list holds the posting. */
  async holderIds(postingId: string, m?: EntityManager): Promise<string[]> {
    const rows: { residentId: string }[] = await this.q(m).query(
      `SELECT resident_id AS "residentId" FROM resident_recommendation WHERE posting_id = $1`,
      [postingId],
    );
    return rows.map((r) => r.residentId);
  }

  /**
   * For each of these residents, what tells whether a ranked posting changes their list without
   * reading it: the score of its last place when it is full (`size` rows; the row ranked `size`),
   * and the row it holds for the posting, if any. One row per resident, where reading the lists
   * whole is `size` rows each.
   */
  async listBars(
    residentIds: readonly string[],
    postingId: string,
    size: number,
    m?: EntityManager,
  ): Promise<Map<string, ListBar>> {
    if (!residentIds.length) return new Map();
    const rows: {
      residentId: string;
      last: string | null;
      score: string | null;
      postingVersion: number | null;
      engineVersion: string | null;
    }[] = await this.q(m).query(
      `SELECT t.id AS "residentId",
              (SELECT l.score FROM resident_recommendation l WHERE l.resident_id = t.id AND l.rank = $3) AS last,
              h.score, h.posting_version AS "postingVersion", h.engine_version AS "engineVersion"
         FROM unnest($1::uuid[]) AS t(id)
         LEFT JOIN resident_recommendation h ON h.resident_id = t.id AND h.posting_id = $2`,
      [[...residentIds], postingId, size],
    );
    return new Map(
      rows.map((r) => [
        r.residentId,
        {
          last: r.last === null ? null : Number(r.last),
          held:
            r.score === null
              ? null
              : {
                  score: Number(r.score),
                  postingVersion: Number(r.postingVersion),
                  engineVersion: r.engineVersion!,
                },
        },
      ]),
    );
  }

  /**
   * The stored recommendation lists of these residents and of every resident holding one of
   * these postings. Residents are read one index range each (LATERAL … OFFSET 0: an index lookup
   * per resident whatever the statistics say; autovacuum may be off and the planner's counts old).
   */
  async recommendationLists(
    residentIds: readonly string[],
    postingIds: readonly string[],
    m?: EntityManager,
  ): Promise<(StoredRecommendation & { residentId: string })[]> {
    if (!residentIds.length && !postingIds.length) return [];
    const rows: {
      residentId: string;
      postingId: string;
      postingVersion: number;
      score: string;
      engineVersion: string;
    }[] = await this.q(m).query(
      `WITH ids AS (
         SELECT unnest($1::uuid[]) AS id
          UNION
         SELECT h.resident_id FROM unnest($2::uuid[]) AS p(id)
          CROSS JOIN LATERAL (SELECT rr.resident_id FROM resident_recommendation rr
                               WHERE rr.posting_id = p.id OFFSET 0) h)
       SELECT x.resident_id AS "residentId", x.posting_id AS "postingId", x.posting_version AS "postingVersion",
              x.score, x.engine_version AS "engineVersion"
         FROM ids CROSS JOIN LATERAL (SELECT * FROM resident_recommendation rr
                                       WHERE rr.resident_id = ids.id OFFSET 0) x`,
      [[...residentIds], [...postingIds]],
    );
    return rows.map((r) => ({
      residentId: r.residentId,
      postingId: r.postingId,
      postingVersion: Number(r.postingVersion),
      score: Number(r.score),
      engineVersion: r.engineVersion,
    }));
  }
}
