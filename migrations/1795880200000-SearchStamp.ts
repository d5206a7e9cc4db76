import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * search_stamp: one counter that every write to what GET /postings shows (posting, employer —
 * its name — and site — its place) moves forward, in the writer's own transaction. The search
 * service caches result pages under the stamp they were computed at (PostingSearchService), so a
 * page is served from memory until the stamp moves, and never after: the new stamp becomes
 * visible exactly when the write commits. Statement-level triggers, so a bulk write moves it once.
 * Infrastructure of the postings module, read with SQL only: no entity.
 */
export class SearchStamp1795880200000 implements MigrationInterface {
  name = 'SearchStamp1795880200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "search_stamp" (
                "id" boolean PRIMARY KEY DEFAULT true CHECK (id),
                "stamp" bigint NOT NULL
            )
        `);
    await queryRunner.query(`INSERT INTO "search_stamp" (id, stamp) VALUES (true, 1)`);
    await queryRunner.query(`
            CREATE FUNCTION search_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE search_stamp SET stamp = stamp + 1 WHERE id;
              RETURN NULL;
            END
            $$
        `);
    for (const table of STAMPED)
      await queryRunner.query(`
            CREATE TRIGGER "trg_${table}_search_stamp" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
            FOR EACH STATEMENT EXECUTE FUNCTION search_stamp_bump()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of STAMPED)
      await queryRunner.query(`DROP TRIGGER "trg_${table}_search_stamp" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION search_stamp_bump()`);
    await queryRunner.query(`DROP TABLE "search_stamp"`);
  }
}

const STAMPED = ['posting', 'employer', 'site'];
