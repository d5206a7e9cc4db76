import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications and outside channel deliveries (DESIGN.md "Domain": Notification). */
export class Notifications1795869880734 implements MigrationInterface {
  name = 'Notifications1795869880734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notification_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid,
                "channel" character varying(16) NOT NULL,
                "target" text NOT NULL,
                "dedup_key" character varying(400) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "claimed_until" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_delivery_dedup_key" ON "notification_delivery" ("dedup_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_delivery_pending" ON "notification_delivery" ("created_at")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient_user_id" uuid NOT NULL,
                "kind" character varying(64) NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "dedup_key" character varying(400) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_dedup_key" ON "notification" ("dedup_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notification_unread" ON "notification" ("recipient_user_id")
            WHERE read_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notification_recipient" ON "notification" ("recipient_user_id", "created_at")
        `);
    // Values the service writes, kept true by the database as well.
    await queryRunner.query(`
            ALTER TABLE "notification_delivery"
              ADD CONSTRAINT "chk_delivery_channel" CHECK (channel IN ('wecom', 'dingtalk', 'email', 'sms')),
              ADD CONSTRAINT "chk_delivery_status" CHECK (status IN ('pending', 'sent', 'failed')),
              ADD CONSTRAINT "chk_delivery_attempts" CHECK (attempts >= 0)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_delivery"
              DROP CONSTRAINT "chk_delivery_attempts",
              DROP CONSTRAINT "chk_delivery_status",
              DROP CONSTRAINT "chk_delivery_channel"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notification_recipient"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notification_unread"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_dedup_key"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_delivery_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_delivery_dedup_key"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_delivery"
        `);
  }
}
