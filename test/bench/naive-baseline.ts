import { In, type DataSource } from 'typeorm';
import type { MatchingConfig } from '../../src/matching/engine';
import { distanceKm } from '../../src/kernel/geo';
import { Household } from '../../src/residents/household.entity';
import { ResidentSkill } from '../../src/residents/resident-skill.entity';
import { Resident } from '../../src/residents/resident.entity';
import { percentile } from './bench-support';

/*
 * The naive baseline of issue 8: what a first version would do. Residents are loaded through
 * the ORM's entity repositories (whole entities, one query per table), each posting is scored
 * against plain objects in a simple loop (array `find` per required skill, a haversine per
 * pair, a sort of every score at the end). Same components and weights as the engine, so the
 * ratio measures the data layout and the pruning, not a different amount of work.
 */

interface PlainPosting {
  id: string;
  industry: string;
  schedule: string;
  latitude: number;
  longitude: number;
  wageMonthly: number;
  skills: { code: string; minLevel: number; required: boolean }[];
}

interface PlainResident {
  id: string;
  seeking: boolean;
  site: { latitude: number; longitude: number };
  skills: { skillCode: string; level: number }[];
  wageMin: number | null;
  schedules: string[];
  industries: string[];
  maxCommuteKm: number | null;
  zeroEmployment: boolean;
}

export interface NaiveResult {
  residents: number;
  postings: number;
  pairs: number;
  ormLoadMs: number;
  scoreSeconds: number;
  pairsPerSecond: number;
  perPostingMsP50: number;
  perPostingMsP95: number;
  sink: number;
}

function score(p: PlainPosting, r: PlainResident, cfg: MatchingConfig): number {
  if (!r.seeking) return -1;
  // Minutes on the straight line (the engine's own estimate without a planner).
  const perKm = cfg.distance.minutesPerKm;
  const d = distanceKm(r.site.latitude, r.site.longitude, p.latitude, p.longitude) * perKm;
  const limit = r.maxCommuteKm !== null ? r.maxCommuteKm * perKm : cfg.distance.defaultMaxCommuteMinutes;
  if (d > limit) return -1;
  const w = cfg.weights;
  const total = w.skills + w.preferredSkills + w.distance + w.wage + w.schedule + w.industry + w.training;
  const required = p.skills.filter((s) => s.required);
  const preferred = p.skills.filter((s) => !s.required);
  let req = 0;
  for (const s of required) {
    const held = r.skills.find((x) => x.skillCode === s.code);
    if (held) req += held.level >= s.minLevel ? 1 : cfg.skills.partialLevelCredit * (held.level / s.minLevel);
  }
  let pref = 0;
  for (const s of preferred)
    if (r.skills.some((x) => x.skillCode === s.code && x.level >= s.minLevel)) pref += 1;
  const dist = d <= cfg.distance.fullCreditMinutes ? 1 : Math.max(0, 1 - d / limit);
  const wage = r.wageMin === null ? 0 : p.wageMonthly >= r.wageMin ? 1 : p.wageMonthly / r.wageMin;
  const sched = r.schedules.includes(p.schedule) ? 1 : 0;
  const ind = r.industries.includes(p.industry) ? cfg.industry.preferenceShare : 0;
  return (
    (100 *
      (w.skills * (required.length ? req / required.length : 1) +
        w.preferredSkills * (preferred.length ? pref / preferred.length : 0) +
        w.distance * dist +
        w.wage * wage +
        w.schedule * sched +
        w.industry * ind)) /
    total
  );
}

/** Loads `residents` residents through the repositories and scores them against the postings. */
export async function naiveBaseline(
  ds: DataSource,
  cfg: MatchingConfig,
  residentCount: number,
  postingIds: string[],
): Promise<NaiveResult> {
  const t0 = performance.now();
  const residents = await ds.getRepository(Resident).find({ order: { id: 'ASC' }, take: residentCount });
  const ids = residents.map((r) => r.id);
  const skills = await ds.getRepository(ResidentSkill).find({ where: { residentId: In(ids) } });
  const households = await ds
    .getRepository(Household)
    .find({ where: { id: In([...new Set(residents.map((r) => r.householdId))]) } });
  const sites: { id: string; latitude: number; longitude: number }[] = await ds.query(
    'SELECT id, latitude, longitude FROM site',
  );
  const ormLoadMs = performance.now() - t0;

  const siteById = new Map(
    sites.map((s) => [s.id, { latitude: Number(s.latitude), longitude: Number(s.longitude) }]),
  );
  const householdById = new Map(households.map((h) => [h.id, h]));
  const plain: PlainResident[] = residents.map((r) => ({
    id: r.id,
    seeking:
      r.status === 'active' &&
      !r.erasedAt &&
      r.employmentStatus === 'unemployed' &&
      r.laborCapacity !== 'none',
    site: siteById.get(r.siteId) ?? { latitude: 0, longitude: 0 },
    skills: skills.filter((s) => s.residentId === r.id),
    wageMin: r.prefWageMin,
    schedules: r.prefSchedules,
    industries: r.prefIndustries,
    maxCommuteKm: r.prefMaxCommuteKm,
    zeroEmployment: householdById.get(r.householdId)?.zeroEmployment ?? false,
  }));
  const postingRows: {
    id: string;
    industry: string;
    schedule: string;
    latitude: number;
    longitude: number;
    wageMin: string;
    wageUnit: string;
    skills: PlainPosting['skills'];
  }[] = await ds.query(
    `SELECT id, industry, schedule, latitude, longitude, wage_min AS "wageMin", wage_unit AS "wageUnit", skills
       FROM posting WHERE id = ANY($1::uuid[])`,
    [postingIds],
  );
  const postings: PlainPosting[] = postingRows.map((p) => ({
    ...p,
    latitude: Number(p.latitude),
    longitude: Number(p.longitude),
    wageMonthly:
      Number(p.wageMin) *
      (p.wageUnit === 'day'
        ? cfg.wage.workDaysPerMonth
        : p.wageUnit === 'hour'
          ? cfg.wage.workDaysPerMonth * cfg.wage.hoursPerDay
          : 1),
    skills: p.skills ?? [],
  }));

  let sink = 0;
  const perPosting: number[] = [];
  const started = performance.now();
  for (const p of postings) {
    const t = performance.now();
    const scored = plain.map((r) => ({ id: r.id, score: score(p, r, cfg) })).filter((x) => x.score >= 0);
    scored.sort((a, b) => b.score - a.score);
    sink += scored.slice(0, 200).length;
    perPosting.push(performance.now() - t);
  }
  const scoreSeconds = (performance.now() - started) / 1000;
  const pairs = plain.length * postings.length;
  return {
    residents: plain.length,
    postings: postings.length,
    pairs,
    ormLoadMs: Math.round(ormLoadMs),
    scoreSeconds,
    pairsPerSecond: pairs / scoreSeconds,
    perPostingMsP50: percentile(perPosting, 50),
    perPostingMsP95: percentile(perPosting, 95),
    sink,
  };
}
