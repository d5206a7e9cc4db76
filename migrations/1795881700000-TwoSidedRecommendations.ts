import { MigrationInterface, QueryRunner } from 'typeorm';

/** A ranked or closed posting finds the recommendation lists that hold it (RecommendationStore). */
export class TwoSidedRecommendations1795881700000 implements MigrationInterface {
  name = 'TwoSidedRecommendations1795881700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_resident_recommendation_posting" ON "resident_recommendation" ("posting_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_resident_recommendation_posting"`);
  }
}
