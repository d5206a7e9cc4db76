import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * deployment: the identity of this installation (issue 19), one row. The row is not written here
 * but at the first start (src/platform/database/deployment.ts, INSERT … ON CONFLICT DO NOTHING), so a
 * database cloned from a migrated template still gets an identity of its own. The queue prefix
 * derives from it by default, and every job carries it, so two installations on one Redis never
 * take each other's jobs. Infrastructure read with SQL only: no entity.
 */
export class Deployment1795881500000 implements MigrationInterface {
  name = 'Deployment1795881500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "deployment" (
                "singleton" boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                "id" uuid NOT NULL,
                "created_at" timestamptz NOT NULL DEFAULT now()
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deployment"`);
  }
}
