import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadCommuteConfig } from '../commute/commute-config';
import { CommuteRepository, type TravelTimeFields } from '../commute/commute.repository';
import { loadConfig } from '../platform/config/app-config';
import { dataSourceOptions } from '../platform/database/data-source-options';

/*
 * `npm run commute:matrix [-- --radius-km 60 --schema public]` (issue 16 item 5, optional).
 *
 * With pgRouting in the database and a road network imported by osm2pgrouting (tables `ways` and
 * `ways_vertices_pgr`), computes for every site the road distance to each open posting's workplace
 * within the radius, and records road km ÷ speedKmh[defaultEstimateMode] (config/commute.yaml) as
 * source 'estimate' rows with the note 'pgrouting' — replacing the straight line × detour guess with
 * the real length of the roads. It replaces only its own earlier rows; officers' rows are never
 * touched and still win (measured first). Without pgRouting it stops with what to install; nothing
 * else in Leye needs it.
 */

const NOTE = 'pgrouting';

class Usage extends Error {}

function args(argv: string[]): { radiusKm: number; schema: string } {
  const out = { radiusKm: 60, schema: 'public' };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--radius-km' && Number(v) > 0 && Number(v) <= 300) out.radiusKm = Number(v);
    else if (k === '--schema' && /^[a-z_][a-z0-9_]{0,62}$/.test(v ?? '')) out.schema = v;
    else
      throw new Usage(`unknown or bad argument ${k} ${v ?? ''} (use --radius-km <1..300> --schema <name>)`);
  }
  return out;
}

const MISSING = `pgRouting is not available in this database.
The road-network matrix is optional: without it Leye estimates commute minutes from straight-line
distance (config/commute.yaml). To use it (Debian 12, PostgreSQL 15):
  apt-get install postgresql-15-pgrouting osm2pgrouting
  psql -d <db> -c 'CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pgrouting;'   (as a superuser)
  osm2pgrouting --f <county>.osm --conf /usr/share/osm2pgrouting/mapconfig.xml --dbname <db> --username <user> --clean
(the operator supplies the OpenStreetMap extract of the county, e.g. cut from a Geofabrik download with osmium)
then run npm run commute:matrix again.`;

async function main(): Promise<void> {
  const { radiusKm, schema } = args(process.argv.slice(2));
  const config = loadConfig();
  const commute = loadCommuteConfig(config);
  const ds = new DataSource({
    ...dataSourceOptions(config.databaseUrl),
    migrationsRun: false,
    logging: false,
  });
  await ds.initialize();
  try {
    const ext: unknown[] = await ds.query(`SELECT 1 FROM pg_extension WHERE extname = 'pgrouting'`);
    if (ext.length === 0) {
      console.error(MISSING);
      process.exitCode = 2;
      return;
    }
    const tables: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM information_schema.tables
        WHERE table_schema = $1 AND table_name IN ('ways', 'ways_vertices_pgr')`,
      [schema],
    );
    if (tables[0].n < 2) {
      console.error(
        `pgRouting is installed, but schema "${schema}" has no osm2pgrouting network (ways, ways_vertices_pgr).\n` +
          MISSING,
      );
      process.exitCode = 2;
      return;
    }
    const repo = new CommuteRepository(ds);
    const speed = commute.speedKmh[commute.defaultEstimateMode];
    const sites: { id: string; name: string; latitude: number; longitude: number }[] = await ds.query(
      `SELECT id, name, latitude, longitude FROM site ORDER BY name`,
    );
    const nearest = `(SELECT v.id FROM "${schema}".ways_vertices_pgr v
                       ORDER BY v.the_geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326) LIMIT 1)`;
    for (const site of sites) {
      // Workplaces of open postings placed exactly (an approximate place is a guess: the estimate stays)
      const places: { latitude: number; longitude: number; regionCode: string }[] = await ds.query(
        `SELECT round(latitude::numeric, 3)::float8 AS latitude, round(longitude::numeric, 3)::float8 AS longitude,
                min(region_code) AS "regionCode"
           FROM posting
          WHERE status = 'open' AND NOT location_approximate AND haversine_km($1, $2, latitude, longitude) <= $3
          GROUP BY 1, 2`,
        [site.latitude, site.longitude, radiusKm],
      );
      if (!places.length) continue;
      const [from] = await ds.query(`SELECT ${nearest} AS id`, [site.longitude, site.latitude]);
      const rows: TravelTimeFields[] = [];
      for (const p of places) {
        const [to] = await ds.query(`SELECT ${nearest} AS id`, [p.longitude, p.latitude]);
        const cost: { m: number }[] = await ds.query(
          `SELECT agg_cost AS m FROM pgr_dijkstraCost(
             'SELECT gid AS id, source, target, length_m AS cost, length_m AS reverse_cost FROM "${schema}".ways',
             $1::bigint, $2::bigint, directed := false)`,
          [from.id, to.id],
        );
        if (!cost.length) continue; // not connected in the extract: the straight-line estimate stays
        const minutes = Math.max(1, Math.round((cost[0].m / 1000 / speed) * 60));
        if (minutes > 600) continue;
        rows.push({
          destinationRegionCode: null,
          placeName: `路网 ${p.regionCode}`,
          latitude: p.latitude,
          longitude: p.longitude,
          mode: commute.defaultEstimateMode,
          minutes,
          fare: null,
          firstDeparture: null,
          lastReturn: null,
          days: null,
          source: 'estimate',
          note: NOTE,
          employerId: null,
        });
      }
      await ds.transaction((m) => repo.replaceNoted(site.id, NOTE, rows, m));
      console.log(`${site.name}: ${rows.length} road-network estimates`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e: Error) => {
  console.error(e instanceof Usage ? e.message : e);
  process.exit(1);
});
