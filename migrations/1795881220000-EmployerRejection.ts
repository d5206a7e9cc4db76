import { MigrationInterface, QueryRunner } from 'typeorm';

/** POST /employers/:id/reject: an officer refuses a verification, with the reason shown to the employer. */
export class EmployerRejection1795881220000 implements MigrationInterface {
  name = 'EmployerRejection1795881220000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employer" ADD "rejected_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "employer" ADD "rejected_by" uuid`);
    await queryRunner.query(`ALTER TABLE "employer" ADD "rejection_reason" character varying(500)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "rejection_reason"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "rejected_by"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "rejected_at"`);
  }
}
