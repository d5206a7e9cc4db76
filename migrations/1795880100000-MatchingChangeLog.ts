import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * matching_change: which resettlement sites' job seekers changed, written by triggers on every
 * table the matching engine reads about a resident (resident, household, resident_skill,
 * resident_certificate, enrollment), whoever writes — services, imports, the generator, a DBA.
 * The worker's seeker cache (src/matching/loaders/seeker-cache.ts) keeps each site's loaded
 * seekers until a row for that site appears that its PostgreSQL snapshot did not see.
 *
 * Append-only and lock-free: statement-level triggers with transition tables insert one row per
 * statement and site, so bulk writes cost one insert per site, and writers never wait on each
 * other. Each row carries its transaction id (xid8), which is how the cache tells "committed
 * after my snapshot" without missing a transaction that committed late. Rows older than a few
 * hours are pruned (PruneMatchingChangesJob); a cache that old starts over.
 * Infrastructure of the matching module, read with SQL only: no entity.
 */
export class MatchingChangeLog1795880100000 implements MigrationInterface {
  name = 'MatchingChangeLog1795880100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "matching_change" (
                "id" bigserial PRIMARY KEY,
                "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
                "site_id" uuid NOT NULL,
                "changed_at" timestamptz NOT NULL DEFAULT clock_timestamp()
            )
        `);
    await queryRunner.query(`CREATE INDEX "idx_matching_change_xid" ON "matching_change" ("xid")`);
    await queryRunner.query(`CREATE INDEX "idx_matching_change_at" ON "matching_change" ("changed_at")`);
    // TG_ARGV[0]: 'site' when the rows carry site_id, 'resident' when they carry resident_id.
    await queryRunner.query(`
            CREATE FUNCTION matching_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_ARGV[0] = 'site' THEN
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                  INSERT INTO matching_change (site_id)
                    SELECT DISTINCT site_id FROM new_rows WHERE site_id IS NOT NULL;
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                  INSERT INTO matching_change (site_id)
                    SELECT DISTINCT site_id FROM old_rows WHERE site_id IS NOT NULL;
                END IF;
              ELSE
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                  INSERT INTO matching_change (site_id)
                    SELECT DISTINCT r.site_id FROM new_rows n JOIN resident r ON r.id = n.resident_id;
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                  INSERT INTO matching_change (site_id)
                    SELECT DISTINCT r.site_id FROM old_rows o JOIN resident r ON r.id = o.resident_id;
                END IF;
              END IF;
              RETURN NULL;
            END
            $$
        `);
    for (const [table, kind] of TRIGGERED) {
      // PostgreSQL allows transition tables only on single-event triggers: one per event.
      await queryRunner.query(`
            CREATE TRIGGER "trg_${table}_matching_ins" AFTER INSERT ON "${table}"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_note_change('${kind}')
        `);
      await queryRunner.query(`
            CREATE TRIGGER "trg_${table}_matching_upd" AFTER UPDATE ON "${table}"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION matching_note_change('${kind}')
        `);
      await queryRunner.query(`
            CREATE TRIGGER "trg_${table}_matching_del" AFTER DELETE ON "${table}"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_note_change('${kind}')
        `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of TRIGGERED) {
      for (const op of ['ins', 'upd', 'del'])
        await queryRunner.query(`DROP TRIGGER "trg_${table}_matching_${op}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION matching_note_change()`);
    await queryRunner.query(`DROP TABLE "matching_change"`);
  }
}

const TRIGGERED: [table: string, kind: 'site' | 'resident'][] = [
  ['resident', 'site'],
  ['household', 'site'],
  ['resident_skill', 'resident'],
  ['resident_certificate', 'resident'],
  ['enrollment', 'resident'],
];
