import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A match keeps the trip it was ranked on (issue 16): minutes from the resident's site (null =
 * unknown) and their source (measured | estimate | unknown), for components.distance and the
 * pages. Rows of engine 2.0 stay null until the nightly re-rank rewrites them (engine 2.1.0).
 */
export class MatchTravelTime1795911100000 implements MigrationInterface {
  name = 'MatchTravelTime1795911100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match" ADD "travel_minutes" smallint`);
    await queryRunner.query(`ALTER TABLE "match" ADD "travel_source" character varying(8)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "travel_source"`);
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "travel_minutes"`);
  }
}
