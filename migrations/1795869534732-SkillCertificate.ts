import { MigrationInterface, QueryRunner } from 'typeorm';

export class SkillCertificate1795869534732 implements MigrationInterface {
  name = 'SkillCertificate1795869534732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // the certificate type that proves a skill (electrician, driving_c1, ...); from config/skills.yaml
    await queryRunner.query(`ALTER TABLE "skill" ADD "certificate" character varying(32)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "skill" DROP COLUMN "certificate"`);
  }
}
