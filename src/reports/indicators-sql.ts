import { laborCapableSql } from '../residents/household-figures';

/*
 * The indicators as SQL (definitions: indicator-definitions.ts). Everything is counted in
 * PostgreSQL; $1 is the array of site ids, $2 the reach in km. The labour-force filter is the
 * residents module's own (LABOR_CAPABLE_SQL), so a site's figures and its households' figures agree.
 */

/** Labour force per household of the sites: only households with at least one member in it. */
export const LABOR_FORCE_BY_HOUSEHOLD = `
  SELECT household_id,
         count(*) AS capable,
         count(*) FILTER (WHERE employment_status = 'employed') AS employed
    FROM resident
   WHERE site_id = ANY($1::uuid[]) AND ${laborCapableSql()}
   GROUP BY household_id`;

/** Open postings within $2 km of any of the sites (bounding box first, then the great circle). */
export const POSTINGS_IN_REACH = `
  SELECT p.* FROM posting p
   WHERE p.status = 'open'
     AND EXISTS (SELECT 1 FROM site s
                  WHERE s.id = ANY($1::uuid[])
                    AND p.latitude BETWEEN s.latitude - $2 / 111.0 AND s.latitude + $2 / 111.0
                    AND haversine_km(s.latitude, s.longitude, p.latitude, p.longitude) <= $2)`;

function retention(months: 3 | 6): string {
  const since = `current_date - interval '${months} months'`;
  return `(SELECT count(*) FROM pl WHERE start_date <= ${since})::int AS r${months}_base,
          (SELECT count(*) FROM pl WHERE start_date <= ${since}
              AND (end_date IS NULL OR end_date >= start_date + interval '${months} months'))::int AS r${months}_kept`;
}

export const SUMMARY_SQL = `
  WITH lf AS (${LABOR_FORCE_BY_HOUSEHOLD}),
       pl AS (SELECT start_date, end_date FROM placement WHERE site_id = ANY($1::uuid[]))
  SELECT
    (SELECT count(*) FROM household WHERE site_id = ANY($1::uuid[]))::int AS households,
    (SELECT coalesce(sum(capable), 0) FROM lf)::int AS labor_force,
    (SELECT coalesce(sum(employed), 0) FROM lf)::int AS employed,
    (SELECT count(*) FROM lf WHERE employed = 0)::int AS zero_employment,
    (SELECT count(*) FROM lf WHERE employed > 0)::int AS with_worker,
    (SELECT count(*) FROM household WHERE site_id = ANY($1::uuid[]) AND monitoring_status <> 'none')::int AS monitored,
    (SELECT count(*) FROM pl WHERE start_date <= current_date
        AND (end_date IS NULL OR end_date > current_date))::int AS active_placements,
    ${retention(3)},
    ${retention(6)},
    (SELECT count(*) FROM (${POSTINGS_IN_REACH}) x)::int AS postings_in_reach,
    (SELECT count(*) FROM enrollment e JOIN resident r ON r.id = e.resident_id
      WHERE r.site_id = ANY($1::uuid[]) AND e.status = 'completed'
        AND e.completed_at >= now() - interval '12 months')::int AS training_completions,
    now() AS as_of`;

export interface SummaryRow {
  households: number;
  labor_force: number;
  employed: number;
  zero_employment: number;
  with_worker: number;
  monitored: number;
  active_placements: number;
  r3_base: number;
  r3_kept: number;
  r6_base: number;
  r6_kept: number;
  postings_in_reach: number;
  training_completions: number;
  as_of: Date;
}
