import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795868383788 implements MigrationInterface {
  name = 'Foundation1795868383788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_event" (
                "id" BIGSERIAL NOT NULL,
                "kind" character varying(64) NOT NULL,
                "entity_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_outbox_unpublished" ON "outbox_event" ("id")
            WHERE published_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_refresh_token_session" ON "refresh_token" ("session_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_role" character varying(16),
                "on_behalf_of_resident_id" uuid,
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(32) NOT NULL,
                "entity_id" character varying(64),
                "ip" character varying(64),
                "request_id" character varying(64),
                "details" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_actor" ON "audit_entry" ("actor_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_entity" ON "audit_entry" ("entity_type", "entity_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "phone_hmac" character(64) NOT NULL,
                "phone_encrypted" text NOT NULL,
                "password_hash" text NOT NULL,
                "name" character varying(100) NOT NULL,
                "role" character varying(16) NOT NULL,
                "scope_site_ids" uuid array NOT NULL DEFAULT '{}',
                "scope_region_codes" character varying(12) array NOT NULL DEFAULT '{}',
                "resident_id" uuid,
                "employer_id" uuid,
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_app_user_phone_hmac" ON "app_user" ("phone_hmac")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "idx_app_user_resident" ON "app_user" ("resident_id")
            WHERE resident_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "site" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "region_code" character varying(12) NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "capacity" integer,
                "opened_on" date,
                "channels" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_site_region" ON "site" ("region_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(32),
                CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_auth_session_user" ON "auth_session" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "region" (
                "code" character varying(12) NOT NULL,
                "name" character varying(100) NOT NULL,
                "level" character varying(16) NOT NULL,
                "parent_code" character varying(12),
                CONSTRAINT "PK_74f7723fdff738f92929c0056cb" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_region_parent" ON "region" ("parent_code")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_region_parent"
        `);
    await queryRunner.query(`
            DROP TABLE "region"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_auth_session_user"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_site_region"
        `);
    await queryRunner.query(`
            DROP TABLE "site"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_app_user_resident"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_app_user_phone_hmac"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_actor"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_refresh_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_refresh_token_session"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_outbox_unpublished"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_event"
        `);
  }
}
