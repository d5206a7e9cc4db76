import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 §1: the register of poverty-alleviation workshops (就业帮扶车间) and their quarters.
 * One live registration per employer (partial unique index: a cleared workshop may be
 * recognised again). `workshop_quarter` keeps each quarter's figures as last computed.
 */
export class Workshops1795912000000 implements MigrationInterface {
  name = 'Workshops1795912000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "workshop" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employer_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "type" character varying(24) NOT NULL,
                "recognised_on" date NOT NULL,
                "document_no" character varying(100),
                "capacity" integer,
                "seasonal_months" smallint array,
                "insurance_yuan_per_worker_month" numeric(8,2),
                "state" character varying(8) NOT NULL DEFAULT 'normal',
                "pending_since" date,
                "cleared_on" date,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_workshop_type" CHECK (type IN ('factory', 'home_based', 'planting_breeding', 'trade', 'culture_tourism')),
                CONSTRAINT "chk_workshop_state" CHECK (state IN ('normal', 'pending', 'cleared')),
                CONSTRAINT "PK_workshop" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_workshop_employer_live" ON "workshop" ("employer_id") WHERE state <> 'cleared'`,
    );
    await queryRunner.query(`CREATE INDEX "idx_workshop_site" ON "workshop" ("site_id")`);
    await queryRunner.query(`
            CREATE TABLE "workshop_quarter" (
                "workshop_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "quarter" smallint NOT NULL,
                "as_of" date NOT NULL,
                "workers" integer NOT NULL,
                "supported_workers" integer NOT NULL,
                "months_worked" numeric(8,1) NOT NULL,
                "wages_yuan" numeric(12,2) NOT NULL,
                "state" character varying(8) NOT NULL,
                "buffer_until" date,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_workshop_quarter" PRIMARY KEY ("workshop_id", "year", "quarter")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workshop_quarter"`);
    await queryRunner.query(`DROP TABLE "workshop"`);
  }
}
