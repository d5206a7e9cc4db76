// Seeded inputs whose exact engine output is pinned in golden.json (golden.spec.ts): every field
// of rankPosting / rankResident, the reasons of all three readers in both languages included. A
// speed-up of explain must reproduce them byte for byte. Self-contained (own PRNG and generator),
// so a change to the bench's synthetic county does not move the golden file.
import {
  POSTINGS,
  RESIDENTS,
  SITE,
  postingProfile,
  residentInput,
} from '../../../../test/fixtures/real-life';
import { buildCandidateSet } from '../candidate-set';
import { rankPosting } from '../rank';
import { buildPostingSet, rankResident } from '../rank-resident';
import {
  INDUSTRIES,
  SCHEDULES,
  type MatchingConfig,
  type PostingProfile,
  type RankedMatch,
  type ResidentInput,
  type SiteInput,
  type SiteTrip,
  type TravelLookup,
} from '../types';
import { TODAY, testConfig } from './fixtures';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CODES = Array.from({ length: 12 }, (_, i) => `skill.${String(i).padStart(2, '0')}`);
/** Names for most codes (one left out: the code stands in for its name), English with capitals. */
export const NAMES: Record<string, { zh: string; en: string }> = Object.fromEntries(
  CODES.slice(0, 11).map((c, i) => [c, { zh: `技能${i}号`, en: `Skill number ${i}` }]),
);

/** A small seeded county: residents of every kind, postings with and without skills, wages of every unit. */
export function county(seed: number, n: number) {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const sites: SiteInput[] = Array.from({ length: 6 }, (_, i) => ({
    id: `site-${i}`,
    latitude: 30.29 + (rand() - 0.5) * 0.3,
    longitude: 108.94 + (rand() - 0.5) * 0.3,
  }));
  const day = (from: number, years: number) =>
    new Date(Date.UTC(from, 0, 1) + Math.floor(rand() * years * 365) * 86_400_000).toISOString().slice(0, 10);
  const residents: ResidentInput[] = [];
  for (let i = 0; i < n; i++) {
    const nSkills = Math.floor(rand() * 5);
    residents.push({
      id: `r-${String(i).padStart(5, '0')}`,
      siteId: pick(sites).id,
      birthDate: rand() < 0.02 ? null : day(1962, 45),
      employmentStatus: rand() < 0.8 ? 'unemployed' : 'employed',
      laborCapacity: rand() < 0.8 ? 'full' : 'partial',
      skills: Array.from({ length: nSkills }, () => ({
        code: pick(CODES),
        level: Math.floor(rand() * 5),
      })),
      certificates: rand() < 0.2 ? [{ type: 'health', expiresAt: rand() < 0.5 ? null : day(2025, 3) }] : [],
      preferences: {
        industries: rand() < 0.5 ? [pick(INDUSTRIES), pick(INDUSTRIES)] : [],
        wageMin: rand() < 0.5 ? 1200 + Math.floor(rand() * 3500) : null,
        wageUnit: 'month',
        schedules: rand() < 0.5 ? [pick(SCHEDULES), pick(SCHEDULES)] : [],
        maxCommuteKm: rand() < 0.3 ? 3 + Math.floor(rand() * 30) : null,
        maxCommuteMinutes: rand() < 0.2 ? 20 + Math.floor(rand() * 70) : null,
        willingToWorkAway: rand() < 0.4,
      },
      experienceIndustries: rand() < 0.5 ? [pick(INDUSTRIES)] : [],
      lastTrainingCompletedAt: rand() < 0.3 ? day(2025, 1.2) : null,
      consentToShare: rand() < 0.8,
      household: {
        zeroEmployment: rand() < 0.15,
        monitoringStatus: rand() < 0.7 ? 'none' : pick(['unstable', 'marginal', 'hardship'] as const),
      },
    });
  }
  const postings: PostingProfile[] = Array.from({ length: 10 }, (_, i) => {
    const site = pick(sites);
    const req = new Map<string, number>();
    const nReq = Math.floor(rand() * 4);
    while (req.size < nReq) req.set(pick(CODES), 1 + Math.floor(rand() * 4));
    const unit = pick(['day', 'month', 'month', 'hour', 'piece'] as const);
    const min =
      unit === 'day'
        ? 60 + Math.floor(rand() * 120)
        : unit === 'hour'
          ? 8 + Math.floor(rand() * 15)
          : 1000 + Math.floor(rand() * 3000);
    return {
      id: `p-${String(i).padStart(3, '0')}`,
      version: 1 + (i % 3),
      industry: pick(INDUSTRIES),
      requiredSkills: [...req].map(([code, minLevel]) => ({ code, minLevel })),
      preferredSkills:
        rand() < 0.6
          ? [
              { code: pick(CODES), minLevel: 1 + Math.floor(rand() * 3) },
              { code: pick(CODES), minLevel: 1 },
            ]
          : [],
      requiredCertificates: rand() < 0.15 ? ['health'] : [],
      wage: { min, max: Math.round(min * (1 + rand())), unit },
      schedule: pick(SCHEDULES),
      latitude: site.latitude + (rand() - 0.5) * 0.2,
      longitude: site.longitude + (rand() - 0.5) * 0.2,
      locationApproximate: rand() < 0.15,
      accommodation: rand() < 0.4,
      shuttle: rand() < 0.4,
      publicWelfare: rand() < 0.1,
      ageMin: rand() < 0.2 ? 18 : null,
      ageMax: rand() < 0.2 ? 55 : null,
      startDate: rand() < 0.5 ? '2026-04-01' : null,
      shiftStart: rand() < 0.3 ? 8 * 60 : null,
      shiftEnd: rand() < 0.3 ? 17 * 60 + 30 : null,
    };
  });
  return { sites, residents, postings, rand };
}

/** A planner stand-in: measured bus trips with timetables, planner words, unknowns and estimates per site. */
export function travel(seed: number): TravelLookup {
  return (siteId, posting) => {
    const rand = prng(seed + Number(siteId.slice(5)) * 31 + Number(posting.id.slice(2)) * 7);
    const kind = Math.floor(rand() * 5);
    const minutes = 5 + Math.floor(rand() * 100);
    const trips: SiteTrip[] = [
      {
        minutes,
        source: 'measured',
        mode: 'bus',
        firstDeparture: 6 * 60 + 30,
        lastReturn: 18 * 60,
        text: null,
      },
      {
        minutes,
        source: 'measured',
        mode: 'shuttle',
        firstDeparture: null,
        lastReturn: null,
        text: `坐班车约 ${minutes} 分钟`,
      },
      { minutes: null, source: 'unknown', mode: null, firstDeparture: null, lastReturn: null, text: null },
      {
        minutes: minutes + 0.4,
        source: 'estimate',
        mode: null,
        firstDeparture: null,
        lastReturn: null,
        text: null,
      },
      {
        minutes,
        source: 'measured',
        mode: rand() < 0.5 ? 'ebike' : 'walk',
        firstDeparture: null,
        lastReturn: 23 * 60 + 59,
        text: null,
      },
    ];
    return trips[kind];
  };
}

export interface GoldenCase {
  name: string;
  run: () => RankedMatch[];
}

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const config = testConfig();
  const blend: MatchingConfig = testConfig({
    ranking: { order: 'blend', blendPointsPerPriority: 0.1 },
  });
  const c = county(11, 1500);
  const cs = buildCandidateSet(c.residents, CODES, c.sites);
  c.postings.forEach((p, i) => {
    const cfg = i % 4 === 3 ? blend : config;
    cases.push({
      name: `synthetic ${p.id}${i % 2 ? ' travel' : ''}${i % 4 === 3 ? ' blend' : ''}`,
      run: () =>
        rankPosting(p, cs, cfg, {
          today: TODAY,
          topN: 14,
          minScore: 0,
          skillNames: i === 5 ? undefined : NAMES,
          travel: i % 2 ? travel(i) : undefined,
          onlyConsenting: i === 7,
        }),
    });
  });
  const set = buildPostingSet(c.postings, cs, config, { today: TODAY, travel: travel(3) });
  for (const r of [0, 17, 250, 777, 1203, 1499])
    cases.push({
      name: `rankResident ${r}`,
      run: () => rankResident(r, set, config, { topN: 6, minScore: 0, skillNames: NAMES }),
    });

  // The real-life fixtures (test/fixtures/real-life): every resident against every posting.
  const names = {
    'tea.picking': { zh: '采茶', en: 'Tea picking' },
    'sewing.machine': { zh: '缝纫机操作', en: 'Sewing machine operation' },
    'shoe.uppers': { zh: '鞋面缝制', en: 'Shoe upper stitching' },
    'construction.masonry': { zh: '砌筑工', en: 'Masonry' },
  };
  const skills = [
    'tea.picking',
    'sewing.machine',
    'shoe.uppers',
    'construction.masonry',
    'construction.labourer',
  ];
  const realCs = buildCandidateSet(
    Object.values(RESIDENTS).map((r) => residentInput(r)),
    skills,
    [SITE],
  );
  for (const p of Object.values(POSTINGS))
    cases.push({
      name: `real-life ${p.key}`,
      run: () =>
        rankPosting(postingProfile(p), realCs, config, { today: TODAY, minScore: 0, skillNames: names }),
    });
  return cases;
}

/** What is pinned: the JSON text of each case's output. */
export function goldenOutput(): Record<string, unknown> {
  return Object.fromEntries(goldenCases().map((g) => [g.name, JSON.parse(JSON.stringify(g.run()))]));
}
