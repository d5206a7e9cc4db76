import { MigrationInterface, QueryRunner } from 'typeorm';

export class PostingMatchList1795880300000 implements MigrationInterface {
  name = 'PostingMatchList1795880300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "posting_match_list" (
                "posting_id" uuid NOT NULL,
                "posting_version" integer NOT NULL,
                "list_hash" character varying(64) NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_2753f53dfbac3a46d504a1f9c38" PRIMARY KEY ("posting_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "posting_match_list"`);
  }
}
