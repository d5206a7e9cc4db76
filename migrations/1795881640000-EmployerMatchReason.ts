import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * match.employer_reason_zh/en: the reason an employer reads (skills, distance, availability),
 * written by the engine beside the officer's (reason_zh/en, which carries the household priority
 * note). An employer's view never reads reason_zh/en (security issue 12, finding 3). Rows stored by
 * an older engine get '' until they are re-ranked: an empty reason, never the officer's.
 */
export class EmployerMatchReason1795881640000 implements MigrationInterface {
  name = 'EmployerMatchReason1795881640000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "match" ADD "employer_reason_zh" text NOT NULL DEFAULT '', ADD "employer_reason_en" text NOT NULL DEFAULT ''`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "match" DROP COLUMN "employer_reason_en", DROP COLUMN "employer_reason_zh"`,
    );
  }
}
