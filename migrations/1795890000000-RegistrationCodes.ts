import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, findings 1, 2 and 14: self-registration proves its phone before an account exists
 * (registration_code: the pending registration, encrypted, and its code as a keyed HMAC), and a
 * roster resident is linked only with proof (resident_link_claim: the account waiting for the
 * roster phone's code or an officer of the site).
 */
export class RegistrationCodes1795890000000 implements MigrationInterface {
  name = 'RegistrationCodes1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "registration_code" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "phone_hmac" character(64) NOT NULL,
                "code_hash" character(64) NOT NULL,
                "payload_encrypted" text NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a616e03bc6f474037e8763f9c96" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registration_code_phone" ON "registration_code" ("phone_hmac")`,
    );
    await queryRunner.query(`
            CREATE TABLE "resident_link_claim" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "resident_id" uuid NOT NULL,
                "code_hash" character(64),
                "code_expires_at" TIMESTAMP WITH TIME ZONE,
                "code_attempts" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4d9360da0e363e0b16a44934612" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_resident_link_claim_user" ON "resident_link_claim" ("user_id")`,
    );
    // The officer's list and the link itself look claims up by resident.
    await queryRunner.query(
      `CREATE INDEX "idx_resident_link_claim_resident" ON "resident_link_claim" ("resident_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "resident_link_claim"`);
    await queryRunner.query(`DROP TABLE "registration_code"`);
  }
}
