import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers and postings. The search indexes are partial (status = 'open'): the public search
 * only ever reads open postings, and closed ones pile up over the years.
 */
export class Postings1795869653443 implements MigrationInterface {
  name = 'Postings1795869653443';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "employer" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "credit_code" character varying(18) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "industry" character varying(32) NOT NULL,
                "region_code" character varying(12) NOT NULL,
                "address" character varying(200) NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "owner_user_id" uuid NOT NULL,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "verified_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_74029e6b1f17a4c7c66d43cfd34" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_employer_credit_code" ON "employer" ("credit_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_employer_region" ON "employer" ("region_code")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_employer_owner" ON "employer" ("owner_user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "posting" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employer_id" uuid NOT NULL,
                "title" character varying(100) NOT NULL,
                "description" text NOT NULL,
                "industry" character varying(32) NOT NULL,
                "skills" jsonb NOT NULL DEFAULT '[]',
                "required_skill_codes" text array NOT NULL DEFAULT '{}',
                "skill_codes" text array NOT NULL DEFAULT '{}',
                "certificates" text array NOT NULL DEFAULT '{}',
                "headcount" integer NOT NULL,
                "hired_count" integer NOT NULL DEFAULT '0',
                "wage_min" numeric(10, 2) NOT NULL,
                "wage_max" numeric(10, 2) NOT NULL,
                "wage_unit" character varying(8) NOT NULL,
                "schedule" character varying(16) NOT NULL,
                "region_code" character varying(12) NOT NULL,
                "address" character varying(200) NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "accommodation" boolean NOT NULL DEFAULT false,
                "meals" boolean NOT NULL DEFAULT false,
                "shuttle" boolean NOT NULL DEFAULT false,
                "public_welfare" boolean NOT NULL DEFAULT false,
                "age_min" smallint,
                "age_max" smallint,
                "start_date" date,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "version" integer NOT NULL DEFAULT '1',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "search_tokens" text array NOT NULL DEFAULT '{}',
                "title_tokens" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_posting_age" CHECK (
                    age_min IS NULL
                    OR age_max IS NULL
                    OR age_min <= age_max
                ),
                CONSTRAINT "chk_posting_headcount" CHECK (
                    headcount BETWEEN 1 AND 10000
                    AND hired_count BETWEEN 0 AND headcount
                ),
                CONSTRAINT "chk_posting_wage" CHECK (
                    wage_min >= 0
                    AND wage_max >= wage_min
                ),
                CONSTRAINT "chk_posting_status" CHECK (
                    status IN ('draft', 'open', 'filled', 'closed', 'expired')
                ),
                CONSTRAINT "PK_b535363e80b08416dacf34303a9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_posting_employer" ON "posting" ("employer_id")
        `);
    // ---- by hand: what entities cannot declare (their @Index entries say synchronize: false) ----
    // Verification queue, GET /employers?verified=false:
    //   WHERE verified_at IS NULL AND region_code LIKE ANY(<area prefixes>) ORDER BY created_at
    await queryRunner.query(`
            CREATE INDEX "idx_employer_unverified" ON "employer" ("region_code" varchar_pattern_ops, "created_at")
            WHERE verified_at IS NULL
        `);
    // GET /postings?q=: WHERE status = 'open' AND search_tokens && $group::text[] (one && per query word)
    await queryRunner.query(`
            CREATE INDEX "idx_posting_open_search_tokens" ON "posting" USING GIN ("search_tokens")
            WHERE status = 'open'
        `);
    // GET /postings?siteId=&maxDistanceKm=: WHERE status = 'open'
    //   AND latitude BETWEEN $minLat AND $maxLat AND longitude BETWEEN $minLon AND $maxLon (box before haversine_km)
    await queryRunner.query(`
            CREATE INDEX "idx_posting_open_location" ON "posting" ("latitude", "longitude")
            WHERE status = 'open'
        `);
    // GET /postings (no q, or sort=newest): WHERE status = 'open' ORDER BY published_at DESC LIMIT $n
    await queryRunner.query(`
            CREATE INDEX "idx_posting_open_published" ON "posting" ("published_at" DESC)
            WHERE status = 'open'
        `);
    // GET /postings?industry=: WHERE status = 'open' AND industry = $1 ORDER BY published_at DESC
    await queryRunner.query(`
            CREATE INDEX "idx_posting_open_industry" ON "posting" ("industry", "published_at" DESC)
            WHERE status = 'open'
        `);
    // The daily expiry job: WHERE status = 'open' AND expires_at <= now() ORDER BY expires_at
    await queryRunner.query(`
            CREATE INDEX "idx_posting_open_expires" ON "posting" ("expires_at")
            WHERE status = 'open' AND expires_at IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'idx_posting_open_expires',
      'idx_posting_open_industry',
      'idx_posting_open_published',
      'idx_posting_open_location',
      'idx_posting_open_search_tokens',
      'idx_employer_unverified',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query(`
            DROP INDEX "public"."idx_posting_employer"
        `);
    await queryRunner.query(`
            DROP TABLE "posting"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_employer_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_employer_region"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_employer_credit_code"
        `);
    await queryRunner.query(`
            DROP TABLE "employer"
        `);
  }
}
