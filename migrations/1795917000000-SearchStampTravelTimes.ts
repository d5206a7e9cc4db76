import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search stamp (1795880200000-SearchStamp) also moves with every write to a site's recorded
 * trips: GET /postings with a siteId filters, orders and words its items by those trips, so a
 * cached page must not outlive a change to them. With the stamp covering them, a repeated search
 * is one one-row read (the trips are read only when the page is computed), where it used to read
 * the site's trips on every request to build its cache key (issue 18 item 2).
 */
export class SearchStampTravelTimes1795917000000 implements MigrationInterface {
  name = 'SearchStampTravelTimes1795917000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TRIGGER "trg_site_travel_time_search_stamp" AFTER INSERT OR UPDATE OR DELETE ON "site_travel_time"
            FOR EACH STATEMENT EXECUTE FUNCTION search_stamp_bump()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_site_travel_time_search_stamp" ON "site_travel_time"`);
  }
}
