import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What entities cannot declare: the audit log's append-only trigger and the distance function
 * shared by search and matching (the SQL twin of src/kernel/geo.ts distanceKm).
 */
export class FoundationFunctions1795868400000 implements MigrationInterface {
  name = 'FoundationFunctions1795868400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION leye_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION leye_audit_append_only()`);
    await q.query(`
      CREATE FUNCTION haversine_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
      RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT 2 * 6371.0088 * asin(least(1, sqrt(
          power(sin(radians(lat2 - lat1) / 2), 2) +
          cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP FUNCTION IF EXISTS haversine_km(double precision, double precision, double precision, double precision)',
    );
    await q.query('DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry');
    await q.query('DROP FUNCTION IF EXISTS leye_audit_append_only()');
  }
}
