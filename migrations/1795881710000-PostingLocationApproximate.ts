import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting saved without coordinates stands at its employer's location: marked approximate, so
 * distances read "约 X 公里", the search's distance filter does not count it as near, and the
 * engine never gives it an exact 0 km. Existing rows cannot tell: they stay exact (false).
 */
export class PostingLocationApproximate1795881710000 implements MigrationInterface {
  name = 'PostingLocationApproximate1795881710000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "posting" ADD "location_approximate" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posting" DROP COLUMN "location_approximate"`);
  }
}
