import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 §2: subsidies with their evidence. `subsidy_batch` (one per site and period, the
 * notice roster), `subsidy_claim` (unique per resident, programme and period) and
 * `subsidy_evidence` (an officer's provided/verified mark per resident, programme and item).
 */
export class Subsidies1795913000000 implements MigrationInterface {
  name = 'Subsidies1795913000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "subsidy_batch" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "period" character varying(8) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_subsidy_batch" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_subsidy_batch_site_period" ON "subsidy_batch" ("site_id", "period")`,
    );
    await queryRunner.query(`
            CREATE TABLE "subsidy_claim" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "resident_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "batch_id" uuid NOT NULL,
                "programme" character varying(24) NOT NULL,
                "period" character varying(8) NOT NULL,
                "amount" numeric(10,2) NOT NULL,
                "basis" jsonb NOT NULL DEFAULT '{}',
                "filed_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_subsidy_claim_programme" CHECK (programme IN ('transport', 'job_seeking', 'training_allowance', 'public_welfare')),
                CONSTRAINT "chk_subsidy_claim_amount" CHECK (amount >= 0),
                CONSTRAINT "PK_subsidy_claim" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_subsidy_claim_resident_programme_period" ON "subsidy_claim" ("resident_id", "programme", "period")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_subsidy_claim_site" ON "subsidy_claim" ("site_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_subsidy_claim_batch" ON "subsidy_claim" ("batch_id")`);
    await queryRunner.query(`
            CREATE TABLE "subsidy_evidence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "resident_id" uuid NOT NULL,
                "programme" character varying(24) NOT NULL,
                "item" character varying(32) NOT NULL,
                "status" character varying(12) NOT NULL,
                "set_by" uuid NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_subsidy_evidence_status" CHECK (status IN ('provided', 'verified')),
                CONSTRAINT "PK_subsidy_evidence" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_subsidy_evidence_item" ON "subsidy_evidence" ("resident_id", "programme", "item")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subsidy_evidence"`);
    await queryRunner.query(`DROP TABLE "subsidy_claim"`);
    await queryRunner.query(`DROP TABLE "subsidy_batch"`);
  }
}
