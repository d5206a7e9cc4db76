import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a posting's residents' side was last merged from (a fingerprint of every qualifying
 * seeker's score and profile version): the nightly re-rank skips merging a posting whose scores
 * did not change and reads no recommendation lists for a batch where none did. Null until the
 * next re-rank merges the posting.
 */
export class PostingScoresHash1795916000000 implements MigrationInterface {
  name = 'PostingScoresHash1795916000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posting_match_list" ADD "scores_hash" character varying(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posting_match_list" DROP COLUMN "scores_hash"`);
  }
}
