import { MigrationInterface, QueryRunner } from 'typeorm';

export class Residents1795869619514 implements MigrationInterface {
  name = 'Residents1795869619514';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "household" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "origin_region_code" character varying(12) NOT NULL,
                "monitoring_status" character varying(16) NOT NULL DEFAULT 'none',
                "labor_capable_members" integer NOT NULL DEFAULT '0',
                "employed_members" integer NOT NULL DEFAULT '0',
                "zero_employment" boolean NOT NULL DEFAULT false,
                "at_risk_since" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_household_monitoring_status" CHECK (
                    monitoring_status IN ('none', 'unstable', 'marginal', 'hardship')
                ),
                CONSTRAINT "PK_26e9111eab2b8908fefe3c645f5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_household_origin_region" ON "household" ("origin_region_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_household_site_zero" ON "household" ("site_id", "zero_employment")
        `);
    await queryRunner.query(`
            CREATE TABLE "resident_certificate" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "resident_id" uuid NOT NULL,
                "type" character varying(32) NOT NULL,
                "expires_at" date,
                CONSTRAINT "PK_97acd3c3c388c5d8c13d151c1bb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_resident_certificate_type" ON "resident_certificate" ("resident_id", "type")
        `);
    await queryRunner.query(`
            CREATE TABLE "resident_skill" (
                "resident_id" uuid NOT NULL,
                "skill_code" character varying(64) NOT NULL,
                "level" smallint NOT NULL,
                "source" character varying(16) NOT NULL,
                "source_ref" character varying(64),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_resident_skill_level" CHECK (
                    level BETWEEN 1 AND 4
                ),
                CONSTRAINT "PK_d8e8ab76098db829800ee5f552a" PRIMARY KEY ("resident_id", "skill_code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_resident_skill_code" ON "resident_skill" ("skill_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "resident" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "household_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "gender" character varying(8),
                "birth_date" date,
                "national_id_encrypted" text,
                "national_id_hmac" character(64),
                "national_id_masked" character varying(18),
                "phone_encrypted" text,
                "phone_hmac" character(64),
                "education" character varying(24),
                "labor_capacity" character varying(8) NOT NULL,
                "employment_status" character varying(16) NOT NULL,
                "consent_to_share" boolean NOT NULL DEFAULT false,
                "pref_industries" text array NOT NULL DEFAULT '{}',
                "pref_wage_min" numeric(10, 2),
                "pref_schedules" text array NOT NULL DEFAULT '{}',
                "pref_max_commute_km" numeric(7, 1),
                "willing_to_work_away" boolean NOT NULL DEFAULT false,
                "job_alerts" boolean NOT NULL DEFAULT false,
                "care_duties" boolean NOT NULL DEFAULT false,
                "languages" text array NOT NULL DEFAULT '{}',
                "status" character varying(8) NOT NULL DEFAULT 'active',
                "version" integer NOT NULL DEFAULT '1',
                "erased_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_resident_active_identity" CHECK (
                    status <> 'active'
                    OR erased_at IS NOT NULL
                    OR (
                        national_id_hmac IS NOT NULL
                        AND birth_date IS NOT NULL
                        AND gender IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_resident_status" CHECK (status IN ('active', 'pending')),
                CONSTRAINT "chk_resident_employment_status" CHECK (
                    employment_status IN (
                        'employed',
                        'unemployed',
                        'not_seeking',
                        'student',
                        'retired'
                    )
                ),
                CONSTRAINT "chk_resident_labor_capacity" CHECK (labor_capacity IN ('full', 'partial', 'none')),
                CONSTRAINT "chk_resident_gender" CHECK (gender IN ('female', 'male')),
                CONSTRAINT "PK_f1a321823d6f69d0e348535fd37" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_resident_national_id_hmac" ON "resident" ("national_id_hmac")
            WHERE national_id_hmac IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_resident_phone_hmac" ON "resident" ("phone_hmac")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_resident_household" ON "resident" ("household_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_resident_site" ON "resident" ("site_id", "status")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_resident_site"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_resident_household"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_resident_phone_hmac"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_resident_national_id_hmac"
        `);
    await queryRunner.query(`
            DROP TABLE "resident"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_resident_skill_code"
        `);
    await queryRunner.query(`
            DROP TABLE "resident_skill"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_resident_certificate_type"
        `);
    await queryRunner.query(`
            DROP TABLE "resident_certificate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_household_site_zero"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_household_origin_region"
        `);
    await queryRunner.query(`
            DROP TABLE "household"
        `);
  }
}
