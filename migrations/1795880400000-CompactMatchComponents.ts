import { MigrationInterface, QueryRunner } from 'typeorm';

/** COMPONENT_NAMES order (src/matching/engine/types.ts); fixed here as the migration ran. */
const NAMES = ['skills', 'preferredSkills', 'distance', 'wage', 'schedule', 'industry', 'training'];

/**
 * match.components (a jsonb object per row) becomes two real[] in COMPONENT_NAMES order: half the
 * row, and half the time to store a county's lists (test/bench). Rows keep their values.
 */
export class CompactMatchComponents1795880400000 implements MigrationInterface {
  name = 'CompactMatchComponents1795880400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const part = (field: string) =>
      `ARRAY[${NAMES.map((n) => `coalesce(("components"->'${n}'->>'${field}')::real, 0)`).join(', ')}]`;
    await queryRunner.query(`ALTER TABLE "match" ADD "component_values" real array`);
    await queryRunner.query(`ALTER TABLE "match" ADD "component_points" real array`);
    await queryRunner.query(
      `UPDATE "match" SET "component_values" = ${part('value')}, "component_points" = ${part('points')}`,
    );
    await queryRunner.query(`ALTER TABLE "match" ALTER COLUMN "component_values" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "match" ALTER COLUMN "component_points" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "components"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const object = NAMES.map(
      (n, i) =>
        `'${n}', jsonb_build_object('value', "component_values"[${i + 1}], 'points', "component_points"[${i + 1}])`,
    ).join(', ');
    await queryRunner.query(`ALTER TABLE "match" ADD "components" jsonb`);
    await queryRunner.query(`UPDATE "match" SET "components" = jsonb_build_object(${object})`);
    await queryRunner.query(`ALTER TABLE "match" ALTER COLUMN "components" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "component_points"`);
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "component_values"`);
  }
}
