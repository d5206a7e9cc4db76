import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportsImports1795871955716 implements MigrationInterface {
  name = 'ReportsImports1795871955716';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "import" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "created_by" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "mime" character varying(100) NOT NULL,
                "format" character varying(8) NOT NULL,
                "content" bytea NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'queued',
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "created" integer NOT NULL DEFAULT '0',
                "updated" integer NOT NULL DEFAULT '0',
                "unchanged" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL DEFAULT '[]',
                "message" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_import_status" CHECK (
                    status IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "PK_4ed733f5bcc70cec27187bd90eb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_import_created_by" ON "import" ("created_by", "created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_import_created_by"
        `);
    await queryRunner.query(`
            DROP TABLE "import"
        `);
  }
}
