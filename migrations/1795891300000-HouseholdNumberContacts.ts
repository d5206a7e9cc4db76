import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 items 6 and 8. `household.number`: the short number a site's officers call a household
 * by (1, 2, 3… per site, in order of registration). A BEFORE INSERT trigger assigns it, so every
 * path that creates a household (API, roster import, self-registration, demo COPY) gets one; the
 * advisory lock per site serialises two creations at one site so they never take the same number.
 * `contact`: an officer's contact with a resident (date, phone/visit/WeChat, note).
 */
export class HouseholdNumberContacts1795891300000 implements MigrationInterface {
  name = 'HouseholdNumberContacts1795891300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "household" ADD "number" integer`);
    await queryRunner.query(
      `UPDATE "household" h SET "number" = n.rn
         FROM (SELECT id, row_number() OVER (PARTITION BY site_id ORDER BY created_at, id) AS rn
                 FROM "household") n
        WHERE n.id = h.id`,
    );
    await queryRunner.query(`ALTER TABLE "household" ALTER COLUMN "number" SET NOT NULL`);
    // The site's household by number (and the uniqueness the trigger relies on).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_household_site_number" ON "household" ("site_id", "number")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION household_assign_number() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.number IS NULL THEN
          PERFORM pg_advisory_xact_lock(hashtextextended('household_number:' || NEW.site_id::text, 0));
          SELECT coalesce(max(number), 0) + 1 INTO NEW.number FROM household WHERE site_id = NEW.site_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER household_number BEFORE INSERT ON "household"
         FOR EACH ROW EXECUTE FUNCTION household_assign_number()`,
    );

    await queryRunner.query(`
            CREATE TABLE "contact" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "resident_id" uuid NOT NULL,
                "date" date NOT NULL,
                "kind" character varying(8) NOT NULL,
                "note" character varying(500),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_contact_kind" CHECK (kind IN ('phone', 'visit', 'wechat')),
                CONSTRAINT "PK_contact" PRIMARY KEY ("id")
            )
        `);
    // The resident page: a resident's contacts, newest first.
    await queryRunner.query(`CREATE INDEX "idx_contact_resident" ON "contact" ("resident_id", "date")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contact"`);
    await queryRunner.query(`DROP TRIGGER household_number ON "household"`);
    await queryRunner.query(`DROP FUNCTION household_assign_number()`);
    await queryRunner.query(`DROP INDEX "public"."uq_household_site_number"`);
    await queryRunner.query(`ALTER TABLE "household" DROP COLUMN "number"`);
  }
}
