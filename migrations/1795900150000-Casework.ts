import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: zero-employment casework. `casework_case` (one per household that is not closed:
 * partial unique index), its actions, and the household's "five things known". Cases of
 * households already zero-employment are opened by the casework backfill step at start, which
 * needs the holiday calendar to set the due dates (SQL does not know 调休).
 */
export class Casework1795900150000 implements MigrationInterface {
  name = 'Casework1795900150000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "casework_case" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "household_id" uuid NOT NULL,
                "status" character varying(12) NOT NULL,
                "cause" character varying(24) NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "opened_on" date NOT NULL,
                "first_contact_due_on" date NOT NULL,
                "clear_due_on" date NOT NULL,
                "first_contact_on" date,
                "employed_on" date,
                "stabilised_on" date,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closed_reason" character varying(24),
                "close_note" character varying(500),
                "closed_by" uuid,
                "reopen_count" integer NOT NULL DEFAULT 0,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_casework_case_status" CHECK (status IN ('open', 'assisting', 'employed', 'stabilised', 'closed')),
                CONSTRAINT "PK_casework_case" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_casework_case_household_active" ON "casework_case" ("household_id") WHERE status <> 'closed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_casework_case_status_due" ON "casework_case" ("status", "clear_due_on")`,
    );
    await queryRunner.query(`
            CREATE TABLE "casework_action" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "date" date NOT NULL,
                "resident_id" uuid,
                "posting_id" uuid,
                "course_id" uuid,
                "outcome" character varying(12),
                "note" character varying(500),
                "officer_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_casework_action_kind" CHECK (kind IN ('visit', 'phone', 'wechat', 'policy_briefing', 'guidance', 'referral', 'training_offer')),
                CONSTRAINT "PK_casework_action" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_casework_action_case" ON "casework_action" ("case_id", "date")`,
    );
    await queryRunner.query(`
            CREATE TABLE "casework_ledger" (
                "household_id" uuid NOT NULL,
                "family_situation" character varying(1000),
                "unemployment_cause" character varying(1000),
                "skills_note" character varying(1000),
                "training_wish" character varying(1000),
                "job_intention" character varying(1000),
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_casework_ledger" PRIMARY KEY ("household_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "casework_ledger"`);
    await queryRunner.query(`DROP TABLE "casework_action"`);
    await queryRunner.query(`DROP TABLE "casework_case"`);
  }
}
