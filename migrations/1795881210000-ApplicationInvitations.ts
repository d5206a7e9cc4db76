import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 finding 4: an employer's invitation is `invited` until the resident accepts (→ applied)
 * or declines (→ declined), and a withdrawn or declined application no longer blocks a new one
 * for the same (posting, resident): the unique index covers the active statuses only.
 */
export class ApplicationInvitations1795881210000 implements MigrationInterface {
  name = 'ApplicationInvitations1795881210000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "chk_application_status"`);
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "chk_application_status" CHECK (status IN ('invited', 'applied', 'viewed', 'interview', 'offered', 'hired', 'rejected', 'withdrawn', 'declined'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_application_posting_resident"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_application_posting_resident" ON "application" ("posting_id", "resident_id") WHERE status NOT IN ('withdrawn', 'declined')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old model knows neither state: an open invitation or a refusal is as good as withdrawn,
    // and only the newest application per (posting, resident) fits the old unique index.
    await queryRunner.query(
      `UPDATE "application" SET status = 'withdrawn' WHERE status IN ('invited', 'declined')`,
    );
    await queryRunner.query(`
      DELETE FROM "application" a USING "application" b
       WHERE a.posting_id = b.posting_id AND a.resident_id = b.resident_id
         AND (a.created_at, a.id) < (b.created_at, b.id)`);
    await queryRunner.query(`DROP INDEX "public"."uq_application_posting_resident"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_application_posting_resident" ON "application" ("posting_id", "resident_id")`,
    );
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "chk_application_status"`);
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "chk_application_status" CHECK (status IN ('applied', 'viewed', 'interview', 'offered', 'hired', 'rejected', 'withdrawn'))`,
    );
  }
}
