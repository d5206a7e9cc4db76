import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (second pass): a pending registration is kept per ticket, not per phone, so a
 * stranger starting a registration for the owner's phone no longer erases the owner's pending
 * one (and the code the owner just received). Pending rows live 10 minutes; they are dropped
 * rather than carried over (each would need its ticket, which only its starter has).
 */
export class RegistrationCodePerTicket1795900200000 implements MigrationInterface {
  name = 'RegistrationCodePerTicket1795900200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "registration_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_registration_code_phone"`);
    await queryRunner.query(`ALTER TABLE "registration_code" ADD "ticket_hash" character(64) NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registration_code_ticket" ON "registration_code" ("ticket_hash")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_registration_code_phone" ON "registration_code" ("phone_hmac")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "registration_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_registration_code_phone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_registration_code_ticket"`);
    await queryRunner.query(`ALTER TABLE "registration_code" DROP COLUMN "ticket_hash"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registration_code_phone" ON "registration_code" ("phone_hmac")`,
    );
  }
}
