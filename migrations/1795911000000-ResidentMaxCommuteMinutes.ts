import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents state their longest commute in minutes (issue 16): what people decide on, not km.
 * Existing rows keep pref_max_commute_km; while minutes are null the engine converts the km with
 * config/commute.yaml minutesPerKm, so nobody's reach changes by the migration.
 */
export class ResidentMaxCommuteMinutes1795911000000 implements MigrationInterface {
  name = 'ResidentMaxCommuteMinutes1795911000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resident" ADD "pref_max_commute_minutes" smallint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resident" DROP COLUMN "pref_max_commute_minutes"`);
  }
}
