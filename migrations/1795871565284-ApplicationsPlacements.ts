import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationsPlacements1795871565284 implements MigrationInterface {
  name = 'ApplicationsPlacements1795871565284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "application" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "posting_id" uuid NOT NULL,
                "resident_id" uuid NOT NULL,
                "employer_id" uuid NOT NULL,
                "source" character varying(24) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'applied',
                "history" jsonb NOT NULL DEFAULT '[]',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_application_source" CHECK (
                    source IN (
                        'self',
                        'officer_referral',
                        'employer_invitation'
                    )
                ),
                CONSTRAINT "chk_application_status" CHECK (
                    status IN (
                        'applied',
                        'viewed',
                        'interview',
                        'offered',
                        'hired',
                        'rejected',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_employer" ON "application" ("employer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_resident" ON "application" ("resident_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_application_posting_resident" ON "application" ("posting_id", "resident_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "follow_up_task" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "placement_id" uuid NOT NULL,
                "due_month" smallint NOT NULL,
                "due_date" date NOT NULL,
                "site_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'open',
                "done_follow_up_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_follow_up_task_status" CHECK (status IN ('open', 'done')),
                CONSTRAINT "chk_follow_up_task_month" CHECK (due_month IN (1, 3, 6)),
                CONSTRAINT "PK_e14f926bb57c06a45be03e312c7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_follow_up_task_site" ON "follow_up_task" ("site_id", "status", "due_date")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_follow_up_task" ON "follow_up_task" ("placement_id", "due_month")
        `);
    await queryRunner.query(`
            CREATE TABLE "placement_follow_up" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "placement_id" uuid NOT NULL,
                "date" date NOT NULL,
                "still_employed" boolean NOT NULL,
                "monthly_income" numeric(10, 2),
                "note" character varying(500),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dd0325a935762a18f4f71ffe0dd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_follow_up_placement" ON "placement_follow_up" ("placement_id", "date")
        `);
    await queryRunner.query(`
            CREATE TABLE "placement" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "resident_id" uuid NOT NULL,
                "household_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "posting_id" uuid,
                "application_id" uuid,
                "employer_id" uuid,
                "employer_name" character varying(100),
                "kind" character varying(24) NOT NULL,
                "partner_city" character varying(50),
                "start_date" date NOT NULL,
                "end_date" date,
                "end_reason" character varying(200),
                "monthly_income" numeric(10, 2),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_placement_income" CHECK (
                    monthly_income IS NULL
                    OR monthly_income >= 0
                ),
                CONSTRAINT "chk_placement_away_partner" CHECK (
                    kind <> 'away_from_home'
                    OR partner_city IS NOT NULL
                ),
                CONSTRAINT "chk_placement_dates" CHECK (
                    end_date IS NULL
                    OR end_date >= start_date
                ),
                CONSTRAINT "chk_placement_kind" CHECK (
                    kind IN (
                        'local_enterprise',
                        'workshop',
                        'public_welfare',
                        'self_employed',
                        'away_from_home'
                    )
                ),
                CONSTRAINT "PK_4f8b29ee2db5213bcb38b6c71c4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_placement_application" ON "placement" ("application_id")
            WHERE application_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placement_site" ON "placement" ("site_id", "start_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placement_active_household" ON "placement" ("household_id", "kind")
            WHERE end_date IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placement_active_resident" ON "placement" ("resident_id")
            WHERE end_date IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_placement_active_resident"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_placement_active_household"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_placement_site"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_placement_application"
        `);
    await queryRunner.query(`
            DROP TABLE "placement"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_follow_up_placement"
        `);
    await queryRunner.query(`
            DROP TABLE "placement_follow_up"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_follow_up_task"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_follow_up_task_site"
        `);
    await queryRunner.query(`
            DROP TABLE "follow_up_task"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_application_posting_resident"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_resident"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_employer"
        `);
    await queryRunner.query(`
            DROP TABLE "application"
        `);
  }
}
