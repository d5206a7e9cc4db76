import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the matching loaders (src/matching/loaders/candidate.loader.ts). Their WHERE is the
 * loaders' SEEKING filter word for word, so the planner can use them: only job seekers (about one
 * resident in six at county scale) are indexed, and the heap is visited for them alone. Measured
 * by `npm run bench` (rank-posting load time).
 */
export class MatchingLoadIndexes1795880000000 implements MigrationInterface {
  name = 'MatchingLoadIndexes1795880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // seekersOfSites (site_id = ANY …) and maxCommuteBySite (an index-only scan with the INCLUDE).
    await queryRunner.query(`
            CREATE INDEX "idx_resident_seeking" ON "resident" ("site_id")
            INCLUDE ("pref_max_commute_km", "willing_to_work_away")
            WHERE status = 'active' AND erased_at IS NULL AND employment_status = 'unemployed'
              AND labor_capacity <> 'none'
        `);
    // Postings with accommodation: the seekers willing to work away, from any site.
    await queryRunner.query(`
            CREATE INDEX "idx_resident_seeking_away" ON "resident" ("site_id")
            WHERE status = 'active' AND erased_at IS NULL AND employment_status = 'unemployed'
              AND labor_capacity <> 'none' AND willing_to_work_away
        `);
    // rank-resident of a resident willing to work away: every open posting with accommodation.
    await queryRunner.query(`
            CREATE INDEX "idx_posting_open_accommodation" ON "posting" ("id")
            WHERE status = 'open' AND accommodation
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_posting_open_accommodation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_resident_seeking_away"`);
    await queryRunner.query(`DROP INDEX "public"."idx_resident_seeking"`);
  }
}
