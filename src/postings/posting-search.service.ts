import { Injectable } from '@nestjs/common';
import type { Industry, Schedule, WageUnit } from '../kernel/domain-enums';
import { InvalidInputError } from '../kernel/domain-errors';
import { boundingBox } from '../kernel/geo';
import { CommuteDirectory } from '../commute/commute-directory';
import type { CommutePlanner } from '../commute/commute-planner';
import type { RecordedTrip } from '../commute/travel-trip';
import { ReadReplica, type ReadQuery } from '../platform/database/read-replica';
import { page, type Page } from '../kernel/pagination';
import { EmployersService } from '../employers/employers.service';
import { RegionsService } from '../regions/regions.service';
import { SkillsService } from '../skills/skills.service';
import type { PostingSearchItemDto, PostingSearchQuery } from './dto/posting-search.dto';
import { AppConfig } from '../platform/config/app-config';
import type { WageFactors } from '../matching/engine';
import { loadMatchingConfig } from '../matching/matching-config';
import { searchGroups } from './posting-search-text';
import { postingTrips, travelMinutesSql, travelReachSql } from './posting-travel';
import { monthlyWageRange } from './posting-wage';
import type { PostingSkill } from './posting.entity';
import { skillViews } from './postings.service';
import { SkillTermsProvider } from './skill-terms.provider';

interface Row {
  id: string;
  title: string;
  employer_id: string;
  industry: Industry;
  wage_min: string;
  wage_max: string;
  wage_unit: WageUnit;
  schedule: Schedule;
  accommodation: boolean;
  meals: boolean;
  shuttle: boolean;
  public_welfare: boolean;
  address: string;
  region_code: string;
  latitude: number;
  longitude: number;
  location_approximate: boolean;
  published_at: Date;
  skills: PostingSkill[];
  distance_km: number | null;
  total: string;
}

/*
 * The posting's top wage as a month's pay, with the matching engine's factors (config/matching.yaml
 * wage.workDaysPerMonth, hoursPerDay): the wage filter and the wage sort compare one unit, as the
 * score does. Piece rates cannot be compared: NULL (they sort last, and a wage filter leaves them out).
 */
function monthlyWageSql(f: WageFactors): string {
  const day = Number(f.workDaysPerMonth);
  const hour = Number(f.hoursPerDay) * day;
  return `(CASE p.wage_unit WHEN 'month' THEN p.wage_max WHEN 'day' THEN p.wage_max * ${day}
  WHEN 'hour' THEN p.wage_max * ${hour} END)`;
}

/** Result pages kept per process (a page is a few KiB: this is a few MiB at most). */
const CACHE_PAGES = 1000;

/** A result page under the stamp it was computed at, and its JSON bytes once someone asked. */
interface CachedPage {
  stamp: string;
  page: Page<PostingSearchItemDto>;
  json?: Buffer;
}

/** The query's parameters in a fixed order: two equal searches give the same key. */
function cacheKey(q: PostingSearchQuery): string {
  return JSON.stringify(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * GET /postings: the public job search. Every filter and the ordering run in PostgreSQL on the
 * open-posting indexes of the Postings migration; Node only shapes one page.
 *
 * Pages are cached in memory under the search stamp they were computed at (table search_stamp,
 * moved by triggers in the same transaction as every write to postings, employers, sites and the
 * sites' recorded trips), so a repeated search costs one one-row read until anything it could
 * show changes — and is never
 * served after that: the stamp is read first, so a page computed from newer data than its stamp
 * is only ever recomputed sooner, never kept too long. Measured in test/bench (the uncached
 * query is about 20 ms of PostgreSQL time at 50k postings: the heap rows of every text match).
 */
@Injectable()
export class PostingSearchService {
  constructor(
    private readonly replica: ReadReplica,
    private readonly regions: RegionsService,
    private readonly employers: EmployersService,
    private readonly skills: SkillsService,
    private readonly skillTerms: SkillTermsProvider,
    private readonly commute: CommuteDirectory,
    config: AppConfig,
  ) {
    this.wageFactors = loadMatchingConfig(config).wage;
    this.monthlyWage = monthlyWageSql(this.wageFactors);
  }

  private readonly wageFactors: WageFactors;

  /** SQL of a posting's top wage per month (monthlyWageSql with the configured factors). */
  private readonly monthlyWage: string;

  private readonly cache = new Map<string, CachedPage>();

  async search(q: PostingSearchQuery): Promise<Page<PostingSearchItemDto>> {
    return (await this.cached(q)).page;
  }

  /**
   * The same page as UTF-8 JSON bytes, serialized and encoded once per cached page: a repeated
   * search is answered with the bytes of the first, without walking the items or encoding the
   * text again (issue 18 item 2; both showed in the profile of a cache hit).
   */
  async searchJson(q: PostingSearchQuery): Promise<Buffer> {
    const entry = await this.cached(q);
    entry.json ??= Buffer.from(JSON.stringify(entry.page), 'utf8');
    return entry.json;
  }

  private async cached(q: PostingSearchQuery): Promise<CachedPage> {
    if (q.maxDistanceKm !== undefined && !q.siteId)
      throw new InvalidInputError('siteId', 'needed with maxDistanceKm');
    if (q.maxTravelMinutes !== undefined && !q.siteId)
      throw new InvalidInputError('siteId', 'needed with maxTravelMinutes');
    if (q.sort === 'nearest' && !q.siteId) throw new InvalidInputError('siteId', 'needed with sort=nearest');
    // On a read replica when there is one: the stamp and the page from the same server, the
    // stamp first, so a cached page is never older than the stamp it is kept under.
    return this.replica.read(async (read) => {
      // The stamp moves with every write the page could show, the sites' recorded trips included
      // (1795917000000-SearchStampTravelTimes): a hit is this one read and nothing else.
      const [{ stamp }] = await read<{ stamp: string }>('SELECT stamp::text AS stamp FROM search_stamp');
      const key = cacheKey(q);
      const hit = this.cache.get(key);
      if (hit?.stamp === stamp) {
        // Most recently used last (Map keeps insertion order).
        this.cache.delete(key);
        this.cache.set(key, hit);
        return hit;
      }
      // Read after the stamp: a page computed from trips newer than its stamp is only recomputed
      // sooner, never kept too long.
      const planner = q.siteId ? await this.commute.plannerFor([q.siteId]) : null;
      const trips = q.siteId && planner ? planner.rowsOf(q.siteId) : [];
      const entry: CachedPage = { stamp, page: await this.compute(q, read, planner, trips) };
      this.cache.delete(key);
      this.cache.set(key, entry);
      if (this.cache.size > CACHE_PAGES) this.cache.delete(this.cache.keys().next().value!);
      return entry;
    });
  }

  private async compute(
    q: PostingSearchQuery,
    read: ReadQuery,
    planner: CommutePlanner | null,
    trips: readonly RecordedTrip[],
  ): Promise<Page<PostingSearchItemDto>> {
    const site = q.siteId ? await this.regions.requireSite('siteId', q.siteId) : null;
    const groups = q.q ? searchGroups(q.q, await this.skillTerms.terms()) : [];

    const params: unknown[] = [];
    const arg = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    // served by the partial indexes WHERE status = 'open'
    const where = [`p.status = 'open'`];
    const groupArgs = groups.map((g) => arg(g));
    for (const g of groupArgs) where.push(`p.search_tokens && ${g}::text[]`);
    if (q.industry) where.push(`p.industry = ${arg(q.industry)}`);
    if (q.schedule) where.push(`p.schedule = ${arg(q.schedule)}`);
    if (q.accommodation !== undefined) where.push(`p.accommodation = ${arg(q.accommodation)}`);
    if (q.shuttle !== undefined) where.push(`p.shuttle = ${arg(q.shuttle)}`);
    if (q.publicWelfare !== undefined) where.push(`p.public_welfare = ${arg(q.publicWelfare)}`);
    // A month's pay, whatever the posting's unit: 3000 finds a 砌筑工 at 280–340 a day.
    if (q.wageMin !== undefined) where.push(`${this.monthlyWage} >= ${arg(q.wageMin)}`);

    let distance = 'NULL::double precision';
    if (site) {
      distance = `haversine_km(${arg(site.latitude)}, ${arg(site.longitude)}, p.latitude, p.longitude)`;
      if (q.maxDistanceKm !== undefined) {
        // The box (btree on latitude, longitude) narrows the rows before the exact distance.
        const box = boundingBox(site.latitude, site.longitude, q.maxDistanceKm);
        where.push(`p.latitude BETWEEN ${arg(box.minLat)} AND ${arg(box.maxLat)}`);
        where.push(`p.longitude BETWEEN ${arg(box.minLon)} AND ${arg(box.maxLon)}`);
        where.push(`${distance} <= ${arg(q.maxDistanceKm)}`);
        // A workplace that was not located is not known to be near: left out, not counted as 0 km.
        where.push('NOT p.location_approximate');
      }
    }
    const cfg = this.commute.settings.config;
    // The planner's minutes in SQL (posting-travel.ts), so the filter and the order come before
    // the page. Without recorded trips the estimate grows with the straight line: the index box
    // narrows first, and ordering by distance is ordering by minutes.
    // Built where used: a parameter the statement does not use has no type, and PostgreSQL refuses it.
    const travel = () => (site ? travelMinutesSql(cfg, site, trips, arg) : 'NULL::float8');
    if (site && q.maxTravelMinutes !== undefined) {
      // The cheap superset first (the index box alone when the site has no recorded trips).
      where.push(travelReachSql(cfg, site, trips, q.maxTravelMinutes, arg));
      // NULL (no known trip) is not "within": left out.
      where.push(`${travel()} <= ${arg(q.maxTravelMinutes)}`);
    }

    // One point per query word matched, two more when the title has it.
    const relevance = groupArgs.length
      ? groupArgs
          .map((g) => `(p.search_tokens && ${g}::text[])::int + 2 * (p.title_tokens && ${g}::text[])::int`)
          .join(' + ')
      : '0';
    const sort = q.sort ?? (groups.length ? 'relevance' : 'newest');
    let orderBy: string;
    switch (sort) {
      case 'relevance':
        orderBy = 'relevance DESC, p.published_at DESC, p.id';
        break;
      case 'newest':
        orderBy = 'p.published_at DESC, p.id';
        break;
      case 'nearest':
        // The quickest trip first; unknown trips (unlocated, nothing recorded) after every known
        // one: their distance is a stand-in. Without recorded trips, minutes follow distance.
        orderBy = trips.length
          ? 'travel_minutes ASC NULLS LAST, distance ASC, p.published_at DESC, p.id'
          : 'p.location_approximate, distance ASC, p.published_at DESC, p.id';
        break;
      case 'wage':
        orderBy = `${this.monthlyWage} DESC NULLS LAST, p.wage_max DESC, p.published_at DESC, p.id`;
        break;
    }

    const sql = `
      SELECT p.id, p.title, p.employer_id, p.industry, p.wage_min, p.wage_max, p.wage_unit, p.schedule,
             p.accommodation, p.meals, p.shuttle, p.public_welfare, p.address, p.region_code,
             p.latitude, p.longitude,
             p.location_approximate, p.published_at, p.skills,
             ${relevance} AS relevance,
             ${distance} AS distance,
             ${sort === 'nearest' && trips.length ? `${travel()} AS travel_minutes,` : ''}
             round((${distance})::numeric, 1)::float8 AS distance_km,
             count(*) OVER () AS total
        FROM posting p
       WHERE ${where.join(' AND ')}
       ORDER BY ${orderBy}
       LIMIT ${arg(q.pageSize)} OFFSET ${arg((q.page - 1) * q.pageSize)}`;
    const rows = await read<Row>(sql, params);

    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && q.page > 1) {
      // Past the last page: the same query's first row still carries the total.
      const first = await read<Row>(sql, [...params.slice(0, -2), 1, 0]);
      total = first.length ? Number(first[0].total) : 0;
    }
    const names = await this.employers.namesOf(rows.map((r) => r.employer_id));
    const skills = await this.skills.all();
    // The way shown on each item is the planner's (the one the matching engine uses).
    const way =
      site && planner
        ? postingTrips(
            planner,
            site,
            rows.map((r) => ({
              id: r.id,
              regionCode: r.region_code,
              latitude: r.latitude,
              longitude: r.longitude,
              locationApproximate: r.location_approximate,
              employerId: r.employer_id,
            })),
          )
        : null;
    return page(
      rows.map((r) => {
        const item: PostingSearchItemDto = {
          id: r.id,
          title: r.title,
          employerName: names.get(r.employer_id) ?? '',
          industry: r.industry,
          wageMin: Number(r.wage_min),
          wageMax: Number(r.wage_max),
          wageUnit: r.wage_unit,
          ...monthlyWageRange(Number(r.wage_min), Number(r.wage_max), r.wage_unit, this.wageFactors),
          schedule: r.schedule,
          accommodation: r.accommodation,
          meals: r.meals,
          shuttle: r.shuttle,
          publicWelfare: r.public_welfare,
          address: r.address,
          latitude: r.latitude,
          longitude: r.longitude,
          locationApproximate: r.location_approximate,
          publishedAt: r.published_at,
          skills: skillViews(r.skills, skills),
        };
        if (r.distance_km !== null) item.distanceKm = r.distance_km;
        const trip = way?.get(r.id);
        if (trip) {
          item.travelMinutes = trip.minutes;
          item.travelSource = trip.source;
          item.travelMode = trip.mode;
          item.travelFirstDeparture = trip.firstDeparture;
          item.travelLastReturn = trip.lastReturn;
        }
        return item;
      }),
      total,
      q,
    );
  }
}
