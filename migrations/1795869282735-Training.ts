import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Training: courses, their sessions and enrolments (DESIGN.md "Domain": Course, Enrolment). */
export class Training1795869282735 implements MigrationInterface {
  name = 'Training1795869282735';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "course" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider_user_id" uuid NOT NULL,
        "title" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "skills" jsonb NOT NULL DEFAULT '[]',
        "skill_codes" text array NOT NULL DEFAULT '{}',
        "certificate" character varying(64),
        "start_date" date NOT NULL,
        "end_date" date NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "address" character varying(200) NOT NULL,
        "latitude" double precision,
        "longitude" double precision,
        "capacity" integer NOT NULL,
        "subsidized" boolean NOT NULL DEFAULT false,
        "subsidy_note" character varying(500),
        "status" character varying(16) NOT NULL DEFAULT 'open',
        "enrolled_count" integer NOT NULL DEFAULT '0',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_bf95180dd756fd204fb01ce4916" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "idx_course_provider" ON "course" ("provider_user_id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_course_region_start" ON "course" ("region_code", "start_date")`,
    );
    // "courses that teach skill X" (GET /courses?skill=, skill-gap courses): skill_codes && $codes
    await queryRunner.query(`CREATE INDEX "idx_course_skill_codes" ON "course" USING GIN ("skill_codes")`);
    // Rules the service enforces, kept true by the database as well.
    await queryRunner.query(`
      ALTER TABLE "course"
        ADD CONSTRAINT "chk_course_dates" CHECK (end_date >= start_date),
        ADD CONSTRAINT "chk_course_capacity" CHECK (capacity > 0),
        ADD CONSTRAINT "chk_course_seats" CHECK (enrolled_count >= 0 AND enrolled_count <= capacity),
        ADD CONSTRAINT "chk_course_status" CHECK (status IN ('open', 'cancelled')),
        ADD CONSTRAINT "chk_course_place" CHECK ((latitude IS NULL) = (longitude IS NULL))
    `);

    await queryRunner.query(`
      CREATE TABLE "course_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "place" character varying(200),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_12288a725cc3c3fba4e600a0ef6" PRIMARY KEY ("id"),
        CONSTRAINT "chk_course_session_times" CHECK (ends_at > starts_at)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_course_session_course" ON "course_session" ("course_id", "starts_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "enrollment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL,
        "resident_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'enrolled',
        "history" jsonb NOT NULL DEFAULT '[]',
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"),
        CONSTRAINT "chk_enrollment_status" CHECK (status IN ('enrolled', 'attending', 'completed', 'dropped'))
      )
    `);
    await queryRunner.query(`CREATE INDEX "idx_enrollment_resident" ON "enrollment" ("resident_id")`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_enrollment_course_resident_active" ON "enrollment" ("course_id", "resident_id")
      WHERE status <> 'dropped'
    `);
    await queryRunner.query(`
      ALTER TABLE "course_session"
      ADD CONSTRAINT "FK_7d09aa9b1873078d3eae312b69b" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "enrollment"
      ADD CONSTRAINT "FK_dd1ce01d1164c8bbdda052ced74" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_dd1ce01d1164c8bbdda052ced74"`);
    await queryRunner.query(`ALTER TABLE "course_session" DROP CONSTRAINT "FK_7d09aa9b1873078d3eae312b69b"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_course_resident_active"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrollment_resident"`);
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_session_course"`);
    await queryRunner.query(`DROP TABLE "course_session"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_skill_codes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_region_start"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_provider"`);
    await queryRunner.query(`DROP TABLE "course"`);
  }
}
