import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RankedMatch } from '../engine';

/** A row a ranked posting writes into a resident's recommendations (its rank is set in SQL). */
export interface RecommendationUpsert {
  match: RankedMatch;
  /** The resident version ranked: not written over a newer profile (its rank-resident decides). */
  residentVersion: number;
  /** Its place in the list when known (the re-rank's final diff); else 0 until renumbered. */
  rank?: number;
}

export interface RecommendationChanges {
  upserts: RecommendationUpsert[];
  /** With the resident version ranked when known: a newer profile's list is left to its rank-resident. */
  deletes: { residentId: string; postingId: string; residentVersion?: number }[];
}

/**
 * Incremental writes to residents' recommendation lists (resident_recommendation) from ranked
 * postings, set-based: one statement each to delete, upsert, and renumber + cut every touched
 * list, whatever the number of residents (RankingRepository.recommendationLists reads them).
 * rank-resident still replaces a list whole (MatchStore.replaceResidentLists); both keep the same
 * order: score desc, then posting id.
 */
@Injectable()
export class RecommendationStore {
  /**
   * Applies the changes, then renumbers each touched list (score desc, posting id) and cuts it
   * at `size`. Rows for a resident whose profile is newer than the one ranked are not written.
   */
  async apply(
    m: EntityManager,
    changes: RecommendationChanges,
    size: number,
    computedAt: Date,
  ): Promise<void> {
    const { upserts, deletes } = changes;
    if (!upserts.length && !deletes.length) return;
    if (deletes.length)
      await m.query(
        `DELETE FROM resident_recommendation rr
          USING unnest($1::uuid[], $2::uuid[], $3::int[]) AS d(resident_id, posting_id, resident_version)
          WHERE rr.resident_id = d.resident_id AND rr.posting_id = d.posting_id
            AND NOT EXISTS (SELECT 1 FROM resident r WHERE r.id = d.resident_id AND r.version > d.resident_version)`,
        [
          deletes.map((d) => d.residentId),
          deletes.map((d) => d.postingId),
          deletes.map((d) => d.residentVersion ?? null),
        ],
      );
    if (upserts.length) {
      const col = <T>(f: (u: RecommendationUpsert) => T): T[] => upserts.map(f);
      await m.query(
        `INSERT INTO resident_recommendation (resident_id, posting_id, posting_version, score, rank, reason_zh,
                                              reason_en, engine_version, computed_at)
         SELECT x.resident_id, x.posting_id, x.posting_version, x.score, x.rank, x.reason_zh, x.reason_en,
                x.engine_version, $9
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::numeric[], $5::text[], $6::text[], $7::text[],
                       $8::int[], $10::int[])
             AS x(resident_id, posting_id, posting_version, score, reason_zh, reason_en, engine_version,
                  resident_version, rank)
          WHERE NOT EXISTS (SELECT 1 FROM resident r WHERE r.id = x.resident_id AND r.version > x.resident_version)
         ON CONFLICT (resident_id, posting_id) DO UPDATE SET
                posting_version = EXCLUDED.posting_version, score = EXCLUDED.score,
                -- A known place is written with the row (no second write by the renumbering).
                rank = CASE WHEN EXCLUDED.rank > 0 THEN EXCLUDED.rank ELSE resident_recommendation.rank END,
                reason_zh = EXCLUDED.reason_zh, reason_en = EXCLUDED.reason_en,
                engine_version = EXCLUDED.engine_version, computed_at = EXCLUDED.computed_at
          WHERE (resident_recommendation.posting_version, resident_recommendation.score,
                 resident_recommendation.reason_zh, resident_recommendation.reason_en,
                 resident_recommendation.engine_version)
                IS DISTINCT FROM
                (EXCLUDED.posting_version, EXCLUDED.score, EXCLUDED.reason_zh, EXCLUDED.reason_en,
                 EXCLUDED.engine_version)`,
        [
          col((u) => u.match.residentId),
          col((u) => u.match.postingId),
          col((u) => u.match.postingVersion),
          col((u) => u.match.score),
          // The resident reads their own recommendations: the plain sentences (as rank-resident stores).
          col((u) => u.match.reasons.resident.zh),
          col((u) => u.match.reasons.resident.en),
          col((u) => u.match.engineVersion),
          col((u) => u.residentVersion),
          computedAt,
          col((u) => u.rank ?? 0),
        ],
      );
    }
    const touched = [
      ...new Set([...upserts.map((u) => u.match.residentId), ...deletes.map((d) => d.residentId)]),
    ];
    await m.query(
      `WITH ranked AS (
         SELECT x.resident_id, x.posting_id, x.rank,
                row_number() OVER (PARTITION BY x.resident_id ORDER BY x.score DESC, x.posting_id) AS n
           FROM unnest($1::uuid[]) AS t(id)
          CROSS JOIN LATERAL (SELECT rr.resident_id, rr.posting_id, rr.rank, rr.score FROM resident_recommendation rr
                               WHERE rr.resident_id = t.id OFFSET 0) x),
       cut AS (
         DELETE FROM resident_recommendation rr USING ranked k
          WHERE k.n > $2 AND rr.resident_id = k.resident_id AND rr.posting_id = k.posting_id)
       UPDATE resident_recommendation rr SET rank = k.n FROM ranked k
        WHERE k.n <= $2 AND k.rank <> k.n AND rr.resident_id = k.resident_id AND rr.posting_id = k.posting_id`,
      [touched, size],
    );
  }
}
