import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CommuteDirectory } from '../../commute/commute-directory';
import { AppConfig } from '../../platform/config/app-config';
import type {
  EmploymentStatus,
  Industry,
  LaborCapacity,
  MonitoringStatus,
  ResidentInput,
  Schedule,
  SiteInput,
} from '../engine';
import { tripFitsShift } from '../engine';
import { SeekerCache } from './seeker-cache';
import { TravelTable, type PostingPlace } from './travel';

/*
 * Bulk reads that build the engine's inputs. They read the residents', households', enrolments'
 * and sites' tables directly instead of calling those modules' services: this is the hot path
 * (a county-sized run reads ~100k rows), one set-based query per table beats a service call per
 * resident by orders of magnitude. Read-only; the owning modules stay the only writers.
 */

/** A resident as loaded for ranking, plus what the job needs beside the engine input. */
export interface LoadedResident {
  input: ResidentInput;
  version: number;
  jobAlerts: boolean;
  /** Active, not erased, able to work and unemployed: the only residents rankings consider. */
  seeking: boolean;
}

export interface LoadedSite extends SiteInput {
  regionCode: string;
  name: string;
}

/** The resident limits of config/commute.yaml the loader needs (MatchingConfig.distance). */
export interface CommuteLimits {
  defaultMaxCommuteMinutes: number;
  minutesPerKm: number;
}

interface ResidentRow {
  id: string;
  siteId: string;
  version: number;
  birthDate: string | null;
  employmentStatus: EmploymentStatus;
  laborCapacity: LaborCapacity;
  consentToShare: boolean;
  prefIndustries: Industry[];
  prefWageMin: string | null;
  prefSchedules: Schedule[];
  prefMaxCommuteKm: string | null;
  prefMaxCommuteMinutes: number | null;
  willingToWorkAway: boolean;
  jobAlerts: boolean;
  zeroEmployment: boolean;
  monitoringStatus: MonitoringStatus;
  lastTraining: Date | null;
  seeking: boolean;
}

/**
 * Residents that rankings consider (the engine's first hard filter, applied in SQL so a
 * province-sized run never loads people who are not looking for work). `r` is the resident alias.
 */
const SEEKING = `r.status = 'active' AND r.erased_at IS NULL AND r.employment_status = 'unemployed'
  AND r.labor_capacity <> 'none'`;

const RESIDENT_COLUMNS = `
  r.id, r.site_id AS "siteId", r.version, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate",
  r.employment_status AS "employmentStatus", r.labor_capacity AS "laborCapacity",
  r.consent_to_share AS "consentToShare", r.pref_industries AS "prefIndustries",
  r.pref_wage_min AS "prefWageMin", r.pref_schedules AS "prefSchedules",
  r.pref_max_commute_km AS "prefMaxCommuteKm", r.pref_max_commute_minutes AS "prefMaxCommuteMinutes",
  r.willing_to_work_away AS "willingToWorkAway",
  r.job_alerts AS "jobAlerts", h.zero_employment AS "zeroEmployment",
  h.monitoring_status AS "monitoringStatus",
  (SELECT max(e.completed_at) FROM enrollment e
    WHERE e.resident_id = r.id AND e.status = 'completed') AS "lastTraining",
  (${SEEKING}) AS seeking`;

@Injectable()
export class CandidateLoader {
  /** Seekers per site, kept between jobs and dropped when anything about them changes. */
  readonly cache: SeekerCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly commute: CommuteDirectory,
  ) {
    this.cache = new SeekerCache(config.matchingCacheSeekers, (ids, m) =>
      this.residents(m, `r.site_id = ANY($1::uuid[]) AND ${SEEKING}`, [ids]),
    );
  }

  /**
   * The seekers who could take a job at the posting's workplace, and their sites: every seeker of
   * a site whose trip there (the commute planner's, in minutes, fitting the shift) is within the
   * longest commute any of its seekers accepts (or the configured default), or unknown; and, when
   * the posting offers accommodation, the seekers willing to work away from every other site.
   * Nobody else can pass the engine's commute and shift filters, so they are not loaded: at county
   * scale this cut an accommodation posting's load from every seeker (~18k) to about a third
   * (test/bench). `travel` holds the trips worked out, for the engine (CompileOptions.travel).
   */
  async candidatesFor(
    posting: PostingPlace,
    limits: CommuteLimits,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ sites: LoadedSite[]; residents: LoadedResident[]; travel: TravelTable }> {
    return this.candidatesForAll([posting], limits, m);
  }

  /**
   * The union of candidatesFor over several postings (a batch of the nightly re-rank): loaded
   * once, so each posting of the batch is ranked against the same compiled candidate set.
   */
  async candidatesForAll(
    postings: readonly PostingPlace[],
    limits: CommuteLimits,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ sites: LoadedSite[]; residents: LoadedResident[]; travel: TravelTable }> {
    const all = await this.sites(m, '', []);
    const maxBySite = await this.cache.maxCommuteBySite(m, (mm) => this.maxCommuteBySite(mm, limits));
    const planner = await this.commute.plannerFor(
      all.map((s) => s.id),
      m,
    );
    const travel = new TravelTable(planner, all, postings);
    const near = all.filter((s) => {
      const reach = Math.max(limits.defaultMaxCommuteMinutes, maxBySite.get(s.id) ?? 0);
      return postings.some((p) => {
        const t = travel.trip(s.id, p.profile);
        return (
          t.minutes === null ||
          (t.minutes <= reach && tripFitsShift(t, p.profile.shiftStart, p.profile.shiftEnd))
        );
      });
    });
    const nearIds = near.map((s) => s.id);
    // Through the cache even with no site near: the call syncs it, and the far sites' cached
    // seekers below must be as current as the near ones.
    const residents = await this.cache.seekersOfSites(nearIds, m);
    if (!postings.some((p) => p.profile.accommodation)) return { sites: near, residents, travel };
    // Accommodation: seekers willing to work away, from every other site (cached ones filtered,
    // the rest read through the partial index idx_resident_seeking_away).
    const nearSet = new Set(nearIds);
    const farIds = all.filter((s) => !nearSet.has(s.id)).map((s) => s.id);
    const { seekers, uncached } = this.cache.enabled
      ? this.cache.cachedOf(farIds)
      : { seekers: [], uncached: farIds };
    residents.push(...seekers.filter((r) => r.input.preferences.willingToWorkAway));
    if (uncached.length)
      residents.push(
        ...(await this.residents(m, `r.site_id = ANY($1::uuid[]) AND ${SEEKING} AND r.willing_to_work_away`, [
          uncached,
        ])),
      );
    const used = new Set(residents.map((r) => r.input.siteId));
    for (const id of nearIds) used.add(id);
    return { sites: all.filter((s) => used.has(s.id)), residents, travel };
  }

  /*
   * The longest commute (minutes; a km limit converted by the engine's rule) any job seeker of
   * each site accepts, in one grouped scan. The former correlated subquery per site cost ~0.9 s
   * per posting at county scale (test/bench).
   */
  private async maxCommuteBySite(m: EntityManager, limits: CommuteLimits): Promise<Map<string, number>> {
    const rows: { siteId: string; max: number | null }[] = await m.query(
      `SELECT r.site_id AS "siteId",
              max(coalesce(r.pref_max_commute_minutes, round(r.pref_max_commute_km * $1)))::double precision AS max
         FROM resident r WHERE ${SEEKING} GROUP BY r.site_id`,
      [limits.minutesPerKm],
    );
    return new Map(rows.map((r) => [r.siteId, Number(r.max ?? 0)]));
  }

  /**
   * Fills the worker's seeker cache with every site's seekers (as far as it has room) and the
   * sites' farthest commutes, so the first ranking jobs after a start read no seekers from the
   * database (SeekerCache.warm). Returns the seekers held and the time taken.
   */
  async warm(limits: CommuteLimits, m: EntityManager = this.dataSource.manager): Promise<{ seekers: number; ms: number }> {
    const started = Date.now();
    await this.cache.maxCommuteBySite(m, (mm) => this.maxCommuteBySite(mm, limits));
    const sites = await this.sites(m, '', []);
    const seekers = await this.cache.warm(
      sites.map((s) => s.id),
      m,
    );
    return { seekers, ms: Date.now() - started };
  }

  async sitesByIds(ids: string[], m: EntityManager = this.dataSource.manager): Promise<LoadedSite[]> {
    if (!ids.length) return [];
    return this.sites(m, 'WHERE s.id = ANY($1::uuid[])', [[...new Set(ids)]]);
  }

  /**
   * The seekers of these sites, with skills, certificates, preferences and household: from the
   * worker's cache where it is current, from the database for the rest (idx_resident_seeking).
   */
  async seekersOfSites(
    siteIds: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<LoadedResident[]> {
    if (!siteIds.length) return [];
    return this.cache.seekersOfSites(siteIds, m);
  }

  /** These residents (seeking or not), in one read; missing ids are left out. */
  async residentsByIds(
    ids: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<LoadedResident[]> {
    if (!ids.length) return [];
    return this.residents(m, 'r.id = ANY($1::uuid[])', [[...ids]]);
  }

  /** One resident (seeking or not: a resident who stopped seeking gets an empty list). */
  async resident(id: string, m: EntityManager = this.dataSource.manager): Promise<LoadedResident | null> {
    const found = await this.residents(m, 'r.id = $1', [id]);
    return found[0] ?? null;
  }

  private async sites(m: EntityManager, where: string, params: unknown[]): Promise<LoadedSite[]> {
    const rows: LoadedSite[] = await m.query(
      `SELECT s.id, s.name, s.region_code AS "regionCode", s.latitude, s.longitude FROM site s ${where}
        ORDER BY s.id`,
      params,
    );
    return rows.map((s) => ({ ...s, latitude: Number(s.latitude), longitude: Number(s.longitude) }));
  }

  private async residents(m: EntityManager, where: string, params: unknown[]): Promise<LoadedResident[]> {
    const rows: ResidentRow[] = await m.query(
      `SELECT ${RESIDENT_COLUMNS} FROM resident r JOIN household h ON h.id = r.household_id
        WHERE ${where} ORDER BY r.site_id, r.id`,
      params,
    );
    if (!rows.length) return [];
    const skills = new Map<string, { code: string; level: number }[]>();
    const certs = new Map<string, { type: string; expiresAt: string | null }[]>();
    // The same filter joined again (not `resident_id = ANY(<100k ids>)`): one index-driven pass each.
    const skillRows: { residentId: string; code: string; level: number }[] = await m.query(
      `SELECT rs.resident_id AS "residentId", rs.skill_code AS code, rs.level
         FROM resident_skill rs JOIN resident r ON r.id = rs.resident_id WHERE ${where}`,
      params,
    );
    for (const s of skillRows) {
      if (!skills.has(s.residentId)) skills.set(s.residentId, []);
      skills.get(s.residentId)!.push({ code: s.code, level: Number(s.level) });
    }
    const certRows: { residentId: string; type: string; expiresAt: string | null }[] = await m.query(
      `SELECT c.resident_id AS "residentId", c.type, to_char(c.expires_at, 'YYYY-MM-DD') AS "expiresAt"
         FROM resident_certificate c JOIN resident r ON r.id = c.resident_id WHERE ${where}`,
      params,
    );
    for (const c of certRows) {
      if (!certs.has(c.residentId)) certs.set(c.residentId, []);
      certs.get(c.residentId)!.push({ type: c.type, expiresAt: c.expiresAt });
    }
    return rows.map((r) => ({
      version: Number(r.version),
      jobAlerts: r.jobAlerts,
      seeking: r.seeking,
      input: {
        id: r.id,
        siteId: r.siteId,
        birthDate: r.birthDate,
        employmentStatus: r.employmentStatus,
        laborCapacity: r.laborCapacity,
        skills: skills.get(r.id) ?? [],
        certificates: certs.get(r.id) ?? [],
        preferences: {
          industries: r.prefIndustries ?? [],
          wageMin: r.prefWageMin === null ? null : Number(r.prefWageMin),
          wageUnit: 'month',
          schedules: r.prefSchedules ?? [],
          maxCommuteKm: r.prefMaxCommuteKm === null ? null : Number(r.prefMaxCommuteKm),
          maxCommuteMinutes: r.prefMaxCommuteMinutes === null ? null : Number(r.prefMaxCommuteMinutes),
          willingToWorkAway: r.willingToWorkAway,
        },
        // Placements are not built yet: no declared work history to read.
        experienceIndustries: [],
        lastTrainingCompletedAt: r.lastTraining,
        consentToShare: r.consentToShare,
        household: { zeroEmployment: r.zeroEmployment, monitoringStatus: r.monitoringStatus },
      },
    }));
  }
}
