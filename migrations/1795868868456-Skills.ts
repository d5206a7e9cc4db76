import { MigrationInterface, QueryRunner } from 'typeorm';

export class Skills1795868868456 implements MigrationInterface {
  name = 'Skills1795868868456';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "skill" (
                "code" character varying(64) NOT NULL,
                "name_zh" character varying(64) NOT NULL,
                "name_en" character varying(128) NOT NULL,
                "category" character varying(64) NOT NULL,
                "synonyms" text array NOT NULL DEFAULT '{}',
                "search_tokens" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_76f3690168057e3c1bd3da8a4e4" PRIMARY KEY ("code")
            )
        `);
    // GIN over the search tokens (declared with synchronize: false on the entity)
    await queryRunner.query(`CREATE INDEX "idx_skill_search_tokens" ON "skill" USING GIN ("search_tokens")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_skill_search_tokens"`);
    await queryRunner.query(`
            DROP TABLE "skill"
        `);
  }
}
