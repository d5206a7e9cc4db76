import { INDUSTRY_WEIGHTS } from './posting-templates';
import { COURSE_TEMPLATES } from './course-templates';
import { COUNTY_SEATS, jitter, type Township } from './geography';
import { SYNTHETIC_MARK } from './names';
import { PopulationBuilder, type Population, type SiteRow, type SkillRef } from './population';

export interface CountyOptions {
  seed: number;
  residents: number;
  postings: number;
  sites: number;
  /** Upcoming courses (default: one per two sites). */
  courses?: number;
  skills: SkillRef[];
  townships: Township[];
  /** Day ages are counted from (YYYY-MM-DD). */
  asOf: string;
  /** Clock for publication and expiry times (not part of what a seed reproduces). */
  now: Date;
}

/**
 * A county-scale synthetic population (`npm run generate`): sites spread over real townships,
 * households at sites of uneven size, employers half in county-seat industrial parks and half
 * around the townships with sites, postings at or near their employers.
 */
export function buildCountyPopulation(o: CountyOptions): Population {
  const b = new PopulationBuilder({ seed: o.seed, skills: o.skills, asOf: o.asOf });
  const rng = b.rng;
  const today = o.now.toISOString().slice(0, 10);
  if (!o.townships.length) throw new Error('no townships to place sites in');

  // Sites: every township once (in a seeded order) before any gets a second one.
  const order = [...o.townships];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const perTownship = new Map<string, number>();
  const siteWeights: [SiteRow, number][] = [];
  const townshipOf = new Map<string, Township>();
  for (let i = 0; i < o.sites; i++) {
    const t = order[i % order.length];
    const n = (perTownship.get(t.code) ?? 0) + 1;
    perTownship.set(t.code, n);
    const site = b.site(t, `${t.name}${n > 1 ? `第${n}` : ''}集中安置点${SYNTHETIC_MARK}`);
    townshipOf.set(site.id, t);
    siteWeights.push([site, Math.exp(rng.normal(0, 0.6))]);
  }

  // Officers: one per site, one per county (reads the households registered there).
  for (const [site] of siteWeights) {
    b.user({
      phone: b.accountPhone('officer'),
      name: `${site.name}就业专干`,
      role: 'officer',
      password: 'demo',
      scopeSiteIds: [site.id],
    });
  }
  const counties = [...new Set(siteWeights.map(([s]) => s.regionCode.slice(0, 6)))].sort();
  for (const c of counties) {
    b.user({
      phone: b.accountPhone('officer'),
      name: `${COUNTY_SEATS[c]?.name ?? c}就业局${SYNTHETIC_MARK}`,
      role: 'officer',
      password: 'demo',
      scopeRegionCodes: [c],
    });
  }

  // Households come from the mountain townships of the site's own county.
  const ruralByCounty = new Map<string, string[]>();
  for (const t of o.townships) {
    if (t.code[6] === '0') continue;
    const list = ruralByCounty.get(t.countyCode) ?? [];
    list.push(t.code);
    ruralByCounty.set(t.countyCode, list);
  }
  const originsOf = new Map<string, [string, number][]>();
  for (const [site] of siteWeights) {
    const t = townshipOf.get(site.id)!;
    const others = (ruralByCounty.get(t.countyCode) ?? []).filter((c) => c !== t.code);
    originsOf.set(site.id, [
      [t.code, Math.max(1, others.length) * 0.5],
      ...others.map((c): [string, number] => [c, 1]),
    ]);
  }
  let residents = 0;
  while (residents < o.residents) {
    const site = rng.weighted(siteWeights);
    const { members } = b.household(site, originsOf.get(site.id)!, o.residents - residents);
    residents += members.length;
  }

  // Employers and their postings.
  const employerCount = Math.max(5, Math.ceil(o.postings / 8));
  const seatTownship = new Map<string, Township>();
  for (const t of o.townships) {
    const cur = seatTownship.get(t.countyCode);
    if (!cur || (cur.code[6] !== '0' && t.code[6] === '0')) seatTownship.set(t.countyCode, t);
  }
  const employers = [];
  for (let i = 0; i < employerCount; i++) {
    const industry = rng.weighted(INDUSTRY_WEIGHTS);
    const site = rng.weighted(siteWeights);
    const siteTownship = townshipOf.get(site.id)!;
    if (rng.chance(0.35)) {
      // the county seat's industrial park
      const seat = COUNTY_SEATS[siteTownship.countyCode];
      const t = seatTownship.get(siteTownship.countyCode) ?? siteTownship;
      employers.push(b.randomEmployer(industry, t, jitter(rng, seat, 3)));
    } else {
      employers.push(b.randomEmployer(industry, siteTownship, jitter(rng, siteTownship, 4)));
    }
  }
  for (let i = 0; i < o.postings; i++) {
    b.randomPosting(employers[i < employers.length ? i : rng.int(0, employers.length - 1)], {
      status: 'open',
      today,
      now: o.now,
    });
  }

  // Training providers (one per county) and upcoming courses near the sites.
  const providers = new Map(
    counties.map((c) => [
      c,
      b.user({
        phone: b.accountPhone('provider'),
        name: `${COUNTY_SEATS[c]?.name ?? c}职业技能培训学校${SYNTHETIC_MARK}`,
        role: 'provider',
        password: 'demo',
      }),
    ]),
  );
  const courseCount = o.courses ?? Math.ceil(o.sites / 2);
  for (let i = 0; i < courseCount; i++) {
    const site = rng.weighted(siteWeights);
    const t = townshipOf.get(site.id)!;
    b.course(rng.pick(COURSE_TEMPLATES), {
      provider: providers.get(t.countyCode)!,
      township: t,
      place: { latitude: site.latitude, longitude: site.longitude },
      address: `${site.name}社区服务中心`,
      startsInDays: rng.int(3, 60),
      today,
    });
  }
  return b.pop;
}
