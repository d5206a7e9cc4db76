import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { JobData, JobName } from '../../platform/queue/job-name';

type Place = JobData<JobName.RerankSiteTrips>['places'][number];

/*
 * The matching jobs' bookkeeping (issue 14 item 4): the fan-outs' pages of open postings
 * (rerank-all by county, rerank-site-trips by the places a trip covers) and the prune of the
 * change feed the seeker caches follow. Reads of the postings' table, as the read model's
 * loaders do (matching is a declared reader of it); each call is one statement on the pool.
 */
@Injectable()
export class MatchingJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Drops matching_change rows older than three hours whose transactions have ended; returns how
   * many went.
   */
  async pruneChanges(): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `WITH gone AS (
         DELETE FROM matching_change
          WHERE changed_at < now() - interval '3 hours' AND xid < pg_snapshot_xmin(pg_current_snapshot())
          RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    return n;
  }

  /** The counties (first six digits of the region code) with an open posting, in order. */
  async countiesWithOpenPostings(): Promise<string[]> {
    const counties: { county: string }[] = await this.dataSource.query(
      `SELECT DISTINCT left(region_code, 6) AS county FROM posting WHERE status = 'open' ORDER BY 1`,
    );
    return counties.map((c) => c.county);
  }

  /** A keyset page of a county's open postings: the next `limit` ids after `after`, in id order. */
  async openPostingsOfCounty(county: string, after: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM posting WHERE status = 'open' AND left(region_code, 6) = $1 AND id > $2
            ORDER BY id LIMIT $3`,
      [county, after, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The ids of the open postings any of the places covers, in id order, by the planner's rule
   * (CommutePlanner.applies; see RerankSiteTripsJob).
   */
  async openPostingsCoveredBy(places: readonly Place[], matchRadiusKm: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM posting p
        WHERE p.status = 'open'
          AND EXISTS (
            SELECT 1 FROM jsonb_to_recordset($1::jsonb)
                     AS x("destinationRegionCode" text, latitude float8, longitude float8, "employerId" uuid)
             WHERE (x."employerId" IS NULL OR x."employerId" = p.employer_id)
               AND ((x."destinationRegionCode" IS NOT NULL
                     AND left(p.region_code, length(x."destinationRegionCode")) = x."destinationRegionCode")
                 OR (x.latitude IS NOT NULL AND x.longitude IS NOT NULL
                     AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
                     AND haversine_km(x.latitude, x.longitude, p.latitude, p.longitude) <= $2::float8)))
        ORDER BY p.id`,
      [JSON.stringify(places), matchRadiusKm],
    );
    return rows.map((r) => r.id);
  }
}
