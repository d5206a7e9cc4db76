import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CommuteDirectory } from '../../commute/commute-directory';
import type { SitePoint, Workplace } from '../../commute/travel-trip';
import { boundingBox, distanceKm } from '../../kernel/geo';
import { estimateReachKm } from '../../postings/posting-travel';
import type { Industry, PostingProfile, Schedule, WageUnit } from '../engine';
import { TravelTable, clockMinutes } from './travel';

/*
 * Posting profiles for the engine, read straight from the posting table (hot path, read-only:
 * see candidate.loader.ts for why matching reads other modules' tables here).
 */

export interface LoadedPosting {
  profile: PostingProfile;
  title: string;
  status: string;
  /** Places still open (headcount − hired): sizes the posting's stored list (postingListSize). */
  openings: number;
  /** Where the work is, for the commute planner (its region, and the employer whose shuttle counts). */
  workplace: Workplace;
}

interface PostingRow {
  id: string;
  version: number;
  title: string;
  status: string;
  openings: number;
  industry: Industry;
  skills: { code: string; minLevel: number; required: boolean }[];
  certificates: string[];
  wageMin: string;
  wageMax: string;
  wageUnit: WageUnit;
  schedule: Schedule;
  latitude: number;
  longitude: number;
  locationApproximate: boolean;
  accommodation: boolean;
  shuttle: boolean;
  publicWelfare: boolean;
  ageMin: number | null;
  ageMax: number | null;
  startDate: string | null;
  regionCode: string;
  employerId: string;
  shiftStart: string | null;
  shiftEnd: string | null;
}

const COLUMNS = `p.id, p.version, p.title, p.status, p.headcount - p.hired_count AS openings, p.industry, p.skills, p.certificates,
  p.wage_min AS "wageMin", p.wage_max AS "wageMax", p.wage_unit AS "wageUnit", p.schedule,
  p.latitude, p.longitude, p.location_approximate AS "locationApproximate", p.accommodation, p.shuttle, p.public_welfare AS "publicWelfare",
  p.age_min AS "ageMin", p.age_max AS "ageMax", to_char(p.start_date, 'YYYY-MM-DD') AS "startDate",
  p.region_code AS "regionCode", p.employer_id AS "employerId", p.shift_start AS "shiftStart", p.shift_end AS "shiftEnd"`;

function toLoaded(r: PostingRow): LoadedPosting {
  const skills = r.skills ?? [];
  return {
    title: r.title,
    status: r.status,
    openings: Number(r.openings),
    workplace: {
      regionCode: r.regionCode,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      approximate: r.locationApproximate,
      employerId: r.employerId,
    },
    profile: {
      id: r.id,
      version: Number(r.version),
      industry: r.industry,
      requiredSkills: skills.filter((s) => s.required).map((s) => ({ code: s.code, minLevel: s.minLevel })),
      preferredSkills: skills.filter((s) => !s.required).map((s) => ({ code: s.code, minLevel: s.minLevel })),
      requiredCertificates: r.certificates ?? [],
      wage: { min: Number(r.wageMin), max: Number(r.wageMax), unit: r.wageUnit },
      schedule: r.schedule,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      // A stand-in location (the employer's): the engine's distance is "about", never an exact 0 km.
      locationApproximate: r.locationApproximate,
      accommodation: r.accommodation,
      shuttle: r.shuttle,
      publicWelfare: r.publicWelfare,
      ageMin: r.ageMin === null ? null : Number(r.ageMin),
      ageMax: r.ageMax === null ? null : Number(r.ageMax),
      startDate: r.startDate,
      shiftStart: clockMinutes(r.shiftStart),
      shiftEnd: clockMinutes(r.shiftEnd),
    },
  };
}

@Injectable()
export class PostingLoader {
  /**
   * Every open posting with accommodation (what a resident willing to work away may take: about
   * one posting in five, read for each such resident). Kept in memory under the search stamp,
   * which any write to postings moves in the writer's transaction (migration SearchStamp): read
   * first, so a list loaded from newer rows than its stamp is only ever reloaded sooner.
   */
  private accommodation: { stamp: string; postings: LoadedPosting[] } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commute: CommuteDirectory,
  ) {}

  /** The posting in any status (the job decides what a closed or newer one means), or null. */
  async posting(id: string, m: EntityManager = this.dataSource.manager): Promise<LoadedPosting | null> {
    const rows: PostingRow[] = await m.query(`SELECT ${COLUMNS} FROM posting p WHERE p.id = $1`, [id]);
    return rows.length ? toLoaded(rows[0]) : null;
  }

  /** These postings in any status, in id order (missing ids are left out). */
  async postings(
    ids: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<LoadedPosting[]> {
    if (!ids.length) return [];
    const rows: PostingRow[] = await m.query(
      `SELECT ${COLUMNS} FROM posting p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id`,
      [[...ids]],
    );
    return rows.map(toLoaded);
  }

  /**
   * Open postings a resident of the site could take: the trip there (the commute planner's, in
   * minutes) within `maxMinutes` or unknown, or anywhere with accommodation when the resident is
   * willing to work away; with the trips worked out (`travel`, for the engine). The database first
   * narrows to a superset, as the search does (postings/posting-travel.ts `travelReachSql`): the
   * straight line the estimate covers in `maxMinutes`, widened to reach every named place of a
   * recorded trip of at most `maxMinutes` (plus the planner's match radius), and the townships of
   * such trips by region code. The planner then decides exactly. (Until 2026-12-02 the radius was
   * maxMinutes at the fastest mode times the detour factor — 72 km for an hour — which loaded
   * most of the county for every resident: rank-resident p50 25 → 130 ms on the bench county.)
   */
  async openPostingsInReach(
    site: SitePoint,
    maxMinutes: number,
    willingToWorkAway: boolean,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ postings: LoadedPosting[]; travel: TravelTable }> {
    const cfg = this.commute.settings.config;
    const planner = await this.commute.plannerFor([site.id], m);
    const reaching = planner.rowsOf(site.id).filter((r) => r.minutes <= maxMinutes);
    let radiusKm = estimateReachKm(cfg, maxMinutes);
    for (const r of reaching) {
      if (r.latitude === null || r.longitude === null) continue;
      const km = distanceKm(site.latitude, site.longitude, r.latitude, r.longitude) + cfg.matchRadiusKm;
      radiusKm = Math.max(radiusKm, km);
    }
    const townships = [
      ...new Set(reaching.map((r) => r.destinationRegionCode).filter((c): c is string => c !== null)),
    ];
    const found = await this.inRadius(site, radiusKm, willingToWorkAway, m, townships);
    const travel = new TravelTable(planner, [site], found);
    const postings = found.filter((p) => {
      if (willingToWorkAway && p.profile.accommodation) return true;
      const t = travel.trip(site.id, p.profile);
      return t.minutes === null || t.minutes <= maxMinutes;
    });
    return { postings, travel };
  }

  private async inRadius(
    site: { latitude: number; longitude: number },
    maxKm: number,
    willingToWorkAway: boolean,
    m: EntityManager,
    townships: readonly string[] = [],
  ): Promise<LoadedPosting[]> {
    // The box (idx_posting_open_location) narrows the rows before the exact distance. (One WHERE
    // with "OR accommodation" made PostgreSQL compute the distance to every open posting: 200 ms
    // at county scale.)
    const box = boundingBox(site.latitude, site.longitude, maxKm);
    const rows: PostingRow[] = await m.query(
      `SELECT ${COLUMNS} FROM posting p
        WHERE p.status = 'open' AND p.latitude BETWEEN $4 AND $5 AND p.longitude BETWEEN $6 AND $7
          AND haversine_km($1, $2, p.latitude, p.longitude) <= $3
        ORDER BY p.id`,
      [site.latitude, site.longitude, maxKm, box.minLat, box.maxLat, box.minLon, box.maxLon],
    );
    const near = rows.map(toLoaded);
    if (!willingToWorkAway && !townships.length) return near;
    const byId = new Map(near.map((p) => [p.profile.id, p]));
    if (townships.length) {
      // Region codes are digits (travel-time fields): no LIKE wildcard in them.
      const inTownships: PostingRow[] = await m.query(
        `SELECT ${COLUMNS} FROM posting p WHERE p.status = 'open' AND p.region_code LIKE ANY ($1::text[])`,
        [townships.map((c) => `${c}%`)],
      );
      for (const p of inTownships.map(toLoaded)) byId.set(p.profile.id, p);
    }
    if (!willingToWorkAway) return [...byId.values()].sort((a, b) => (a.profile.id < b.profile.id ? -1 : 1));
    for (const p of await this.openWithAccommodation(m)) byId.set(p.profile.id, p);
    return [...byId.values()].sort((a, b) => (a.profile.id < b.profile.id ? -1 : 1));
  }

  private async openWithAccommodation(m: EntityManager): Promise<LoadedPosting[]> {
    const [{ stamp }] = await m.query<{ stamp: string }[]>('SELECT stamp::text AS stamp FROM search_stamp');
    if (this.accommodation?.stamp === stamp) return this.accommodation.postings;
    const rows: PostingRow[] = await m.query(
      `SELECT ${COLUMNS} FROM posting p WHERE p.status = 'open' AND p.accommodation ORDER BY p.id`,
    );
    const postings = rows.map(toLoaded);
    this.accommodation = { stamp, postings };
    return postings;
  }
}
