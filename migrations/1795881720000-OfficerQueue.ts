import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers' queue, GET /matches?siteId=: WHERE site_id = $1 AND status = 'new' ORDER BY
 * QUEUE_ORDER (matches.service.ts: score band, required skills met, priority, score, id) LIMIT 20.
 * In this order a page is read off the index and stops at LIMIT; the former idx_match_site_status
 * (site_id, status, score) served "priority first", which put 38-point matches above 91-point ones.
 */
export class OfficerQueue1795881720000 implements MigrationInterface {
  name = 'OfficerQueue1795881720000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_match_queue" ON "match" ("site_id", "status", floor("score" / 10) DESC,
         (cardinality("required_skills_missing") = 0) DESC, "priority" DESC, "score" DESC, "id")`,
    );
    // GET /matches?postingId=: one posting's matches in the same order (without it the filter read
    // every new match of the site and dropped the other postings': 4k rows for one page).
    await queryRunner.query(
      `CREATE INDEX "idx_match_posting_queue" ON "match" ("posting_id", "status", floor("score" / 10) DESC,
         (cardinality("required_skills_missing") = 0) DESC, "priority" DESC, "score" DESC, "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_match_posting_queue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_match_queue"`);
  }
}
