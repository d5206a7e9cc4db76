import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting may say when its shift starts and ends ('HH:MM', pilot time; issue 16): matching
 * leaves out residents whose bus cannot get them there before the start or home after the end.
 * Existing postings state none (no shift filter).
 */
export class PostingShiftTimes1795911200000 implements MigrationInterface {
  name = 'PostingShiftTimes1795911200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posting" ADD "shift_start" character varying(5)`);
    await queryRunner.query(`ALTER TABLE "posting" ADD "shift_end" character varying(5)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posting" DROP COLUMN "shift_end"`);
    await queryRunner.query(`ALTER TABLE "posting" DROP COLUMN "shift_start"`);
  }
}
