import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 §3: east–west labour cooperation. Job fairs (with the employers and postings they
 * name), outflow batches and their members (one batch at a time per resident: partial unique
 * index), and the members' retention checks (one per member and month).
 */
export class Cooperation1795914000000 implements MigrationInterface {
  name = 'Cooperation1795914000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "cooperation_fair" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "held_on" date NOT NULL,
                "partner_city" character varying(50) NOT NULL,
                "employer_ids" uuid array NOT NULL DEFAULT '{}',
                "posting_ids" uuid array NOT NULL DEFAULT '{}',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cooperation_fair" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_cooperation_fair_site" ON "cooperation_fair" ("site_id", "held_on")`,
    );
    await queryRunner.query(`
            CREATE TABLE "cooperation_batch" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "partner_city" character varying(50) NOT NULL,
                "departure_on" date NOT NULL,
                "transport" character varying(8),
                "fair_id" uuid,
                "liaison_user_id" uuid,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_cooperation_batch_transport" CHECK (transport IS NULL OR transport IN ('bus', 'train')),
                CONSTRAINT "PK_cooperation_batch" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_cooperation_batch_site" ON "cooperation_batch" ("site_id", "departure_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cooperation_batch_liaison" ON "cooperation_batch" ("liaison_user_id") WHERE liaison_user_id IS NOT NULL`,
    );
    await queryRunner.query(`
            CREATE TABLE "cooperation_member" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "batch_id" uuid NOT NULL,
                "resident_id" uuid NOT NULL,
                "household_id" uuid NOT NULL,
                "arrived_on" date,
                "placement_id" uuid,
                "employer_id" uuid,
                "employer_name" character varying(100),
                "returned_on" date,
                "return_reason" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cooperation_member" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cooperation_member" ON "cooperation_member" ("batch_id", "resident_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cooperation_member_away" ON "cooperation_member" ("resident_id") WHERE returned_on IS NULL`,
    );
    await queryRunner.query(`
            CREATE TABLE "cooperation_retention_check" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "due_month" smallint NOT NULL,
                "due_on" date NOT NULL,
                "site_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "still_at_work" boolean,
                "checked_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_cooperation_retention_status" CHECK (status IN ('open', 'done', 'cancelled')),
                CONSTRAINT "PK_cooperation_retention_check" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cooperation_retention_check" ON "cooperation_retention_check" ("member_id", "due_month")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cooperation_retention_site" ON "cooperation_retention_check" ("site_id", "status", "due_on")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cooperation_retention_check"`);
    await queryRunner.query(`DROP TABLE "cooperation_member"`);
    await queryRunner.query(`DROP TABLE "cooperation_batch"`);
    await queryRunner.query(`DROP TABLE "cooperation_fair"`);
  }
}
