import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1795870817233 implements MigrationInterface {
  name = 'Matching1795870817233';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "match" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "posting_id" uuid NOT NULL,
                "resident_id" uuid NOT NULL,
                "posting_version" integer NOT NULL,
                "resident_version" integer,
                "score" numeric(5, 1) NOT NULL,
                "priority" numeric(5, 1) NOT NULL,
                "rank" integer NOT NULL,
                "components" jsonb NOT NULL,
                "required_skills_missing" text array NOT NULL DEFAULT '{}',
                "distance_km" numeric(7, 1),
                "reason_zh" text NOT NULL,
                "reason_en" text NOT NULL,
                "engine_version" character varying(16) NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "site_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'new',
                "dismiss_reason" text,
                "referred_application_id" uuid,
                "referred_by" uuid,
                "referred_at" TIMESTAMP WITH TIME ZONE,
                "dismissed_by" uuid,
                "dismissed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_match_status" CHECK (status IN ('new', 'referred', 'dismissed')),
                CONSTRAINT "PK_92b6c3a6631dd5b24a67c69f69d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_match_resident" ON "match" ("resident_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_match_site_status" ON "match" ("site_id", "status", "score")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_match_posting_resident" ON "match" ("posting_id", "resident_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "resident_recommendation" (
                "resident_id" uuid NOT NULL,
                "posting_id" uuid NOT NULL,
                "posting_version" integer NOT NULL,
                "score" numeric(5, 1) NOT NULL,
                "rank" integer NOT NULL,
                "reason_zh" text NOT NULL,
                "reason_en" text NOT NULL,
                "engine_version" character varying(16) NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_12fd5c89f6f0306e97ebf6a2f2d" PRIMARY KEY ("resident_id", "posting_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "resident_skill_gap" (
                "resident_id" uuid NOT NULL,
                "posting_id" uuid NOT NULL,
                "missing" jsonb NOT NULL,
                "score" numeric(5, 1) NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_ea5bdef618daffe7f92c9283260" PRIMARY KEY ("resident_id", "posting_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "resident_skill_gap"
        `);
    await queryRunner.query(`
            DROP TABLE "resident_recommendation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_match_posting_resident"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_match_site_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_match_resident"
        `);
    await queryRunner.query(`
            DROP TABLE "match"
        `);
  }
}
