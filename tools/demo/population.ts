import type { Industry } from '../../src/kernel/domain-enums';
import { buildCreditCode, CREDIT_CODE_ALPHABET } from '../../src/employers/credit-code';
import type { EmployerKind } from '../../src/employers/employer-kind';
import { addDays } from '../../src/kernel/clock';
import type { CourseTemplate } from './course-templates';
import { BRANDS, EMPLOYER_NAMES, PLACES } from './employer-names';
import { jitter, type Township } from './geography';
import { SYNTHETIC_MARK } from './names';
import { PeopleBuilder } from './people-builder';
import type { CourseRow, EmployerRow, PostingRow, UserRow } from './population-rows';
import { type PostingTemplate, templatesOf } from './posting-templates';

export { addDays } from '../../src/kernel/clock';
export { BARE_PROFILE_SHARE, type BuilderOptions, PARTIAL_PROFILE_SHARE } from './people-builder';
export * from './population-rows';

/*
 * The synthetic population builder shared by the demo data and the generator: plain objects, no
 * I/O, every draw from one seeded Rng, so the same seed (and the same `asOf` day) builds the same
 * records. Distributions are those of a rural resettlement site (DESIGN.md "Domain"; POLICY.md):
 * households of 2–6, a working-age majority, primary/junior-secondary schooling, farming, tea,
 * herbs, construction and cleaning skills common, electricians and e-commerce rare.
 *
 * The people (sites, households, residents, accounts) are built by PeopleBuilder
 * (people-builder.ts, with resident-traits.ts and skill-mix.ts); this file adds the labour
 * market: employers, their postings and the courses. The records are in population-rows.ts.
 * Unified social credit codes are valid, with organization codes "MA" + 6 random characters.
 */

/** Chance that a county posting is a no-skill ad (where the employer has general-labour work). */
export const NO_SKILL_POSTING_SHARE = 0.4;

/** Work a newcomer learns on the job: no certificate, nothing above level 2 asked. */
function isGeneralLabour(t: PostingTemplate): boolean {
  return !t.certificates?.length && !t.publicWelfare && t.skills.every(([, level]) => level <= 2);
}

/** Builds synthetic records; each method draws from the one Rng, in call order. */
export class PopulationBuilder extends PeopleBuilder {
  private readonly usedCreditCodes = new Set<string>();

  // ---- employers, postings, courses ------------------------------------------------------------

  /** A valid, unique unified social credit code registered in `region6`. */
  creditCode(kind: EmployerKind, region6: string): string {
    const prefix = {
      enterprise: '91',
      cooperative: '93',
      workshop: '92',
      labour_service: '91',
      public_welfare: '52',
    }[kind];
    for (;;) {
      let body = 'MA';
      for (let i = 0; i < 6; i++) body += this.rng.pick(CREDIT_CODE_ALPHABET.slice(0, 31).split(''));
      const code = buildCreditCode(prefix, region6, body);
      if (!this.usedCreditCodes.has(code)) {
        this.usedCreditCodes.add(code);
        return code;
      }
    }
  }

  employer(e: {
    name: string;
    kind: EmployerKind;
    industry: Industry;
    township: Township;
    place: { latitude: number; longitude: number };
    address: string;
    owner: UserRow;
  }): EmployerRow {
    const row: EmployerRow = {
      id: this.rng.uuid(),
      name: e.name,
      creditCode: this.creditCode(e.kind, e.township.code.slice(0, 6)),
      kind: e.kind,
      industry: e.industry,
      regionCode: e.township.code,
      address: e.address,
      latitude: e.place.latitude,
      longitude: e.place.longitude,
      ownerUserId: e.owner.id,
      verified: true,
    };
    e.owner.employerId = row.id;
    this.pop.employers.push(row);
    return row;
  }

  /** A synthetic employer of `industry` near `township` (generator). */
  randomEmployer(
    industry: Industry,
    township: Township,
    place: { latitude: number; longitude: number },
  ): EmployerRow {
    const rng = this.rng;
    const names = EMPLOYER_NAMES[industry] ?? { suffix: '有限公司', kinds: [['enterprise', 1]] };
    const kind = rng.weighted(names.kinds);
    const town = township.name.replace(/(街道|镇|乡|办事处)$/, '');
    const brand = rng.pick(BRANDS);
    const owner = this.user({
      phone: this.accountPhone('employer'),
      name: `${town}${brand}负责人${SYNTHETIC_MARK}`,
      role: 'employer',
      password: 'demo',
    });
    return this.employer({
      name: `${township.countyName.slice(0, 2)}${town}${brand}${names.suffix}${SYNTHETIC_MARK}`,
      kind,
      industry,
      township,
      place,
      address: `${township.countyName}${township.name}${rng.pick(PLACES)}`,
      owner,
    });
  }

  posting(
    employer: EmployerRow,
    t: PostingTemplate,
    opts: {
      status: 'open' | 'draft';
      today: string;
      now: Date;
      place?: { latitude: number; longitude: number };
      shuttle?: number;
    },
  ): PostingRow {
    const rng = this.rng;
    const step = { month: 100, day: 10, hour: 1, piece: 0.5 }[t.unit];
    const wageMin = Math.round(rng.range(t.wage[0], t.wage[1]) / step) * step;
    const wageMax = Math.max(wageMin, Math.round((wageMin * rng.range(1.1, 1.4)) / step) * step);
    const accommodation = rng.chance(t.accommodation ?? 0.15);
    const place =
      opts.place ??
      (rng.chance(0.7)
        ? { latitude: employer.latitude, longitude: employer.longitude }
        : jitter(rng, employer, 5));
    const publishedDaysAgo = rng.int(0, 20);
    const row: PostingRow = {
      id: rng.uuid(),
      employerId: employer.id,
      employerName: employer.name,
      title: t.title,
      description: `${t.description}（演示数据）`,
      industry: t.industry,
      skills: t.skills.map(([code, minLevel, required]) => ({ code, minLevel, required })),
      certificates: t.certificates ?? [],
      headcount: rng.weighted<number>([
        [1, 20],
        [2, 25],
        [3, 20],
        [5, 15],
        [10, 12],
        [20, 6],
        [50, 2],
      ]),
      wageMin,
      wageMax,
      wageUnit: t.unit,
      schedule: rng.pick(t.schedules),
      regionCode: employer.regionCode,
      address: employer.address,
      latitude: place.latitude,
      longitude: place.longitude,
      accommodation,
      meals: rng.chance(accommodation ? 0.7 : 0.3),
      shuttle: rng.chance(opts.shuttle ?? 0.2),
      publicWelfare: t.publicWelfare ?? false,
      ageMin: t.age?.[0] ?? null,
      ageMax: t.age?.[1] ?? null,
      startDate: rng.chance(0.6) ? addDays(opts.today, rng.int(0, 30)) : null,
      expiresAt: new Date(opts.now.getTime() + rng.int(20, 90) * 86_400_000).toISOString(),
      publishedAt:
        opts.status === 'open'
          ? new Date(
              opts.now.getTime() - publishedDaysAgo * 86_400_000 - rng.int(0, 86_399) * 1000,
            ).toISOString()
          : null,
      status: opts.status,
    };
    this.pop.postings.push(row);
    return row;
  }

  /** A posting of a template of the employer's industry (any template when it has none). */
  randomPosting(
    employer: EmployerRow,
    opts: { status: 'open' | 'draft'; today: string; now: Date },
  ): PostingRow {
    const own = templatesOf(employer.industry);
    const pool = own.length ? own : templatesOf('construction');
    // Most local ads for general labour (普工, 小工, 帮工) ask for no skill ("不需要经验，有人带"):
    // about a third of postings, drawn from the work a newcomer can learn on the job.
    const general = pool.filter(isGeneralLabour);
    if (general.length && this.rng.chance(NO_SKILL_POSTING_SHARE)) {
      const t = this.rng.pick(general);
      return this.posting(
        employer,
        {
          ...t,
          description: `${t.description}不需要经验，有人带。`,
          skills: t.skills.filter(([, , required]) => !required),
        },
        opts,
      );
    }
    return this.posting(employer, this.rng.pick(pool), opts);
  }

  course(
    t: CourseTemplate,
    opts: {
      provider: UserRow;
      township: Township;
      place: { latitude: number; longitude: number };
      address: string;
      startsInDays: number;
      today: string;
    },
  ): CourseRow {
    const rng = this.rng;
    const startDate = addDays(opts.today, opts.startsInDays);
    const endDate = addDays(startDate, t.days - 1);
    const id = rng.uuid();
    const sessionDays = [...new Set([0, Math.floor((t.days - 1) / 2), t.days - 1])];
    const row: CourseRow = {
      id,
      providerUserId: opts.provider.id,
      title: `${t.title}${SYNTHETIC_MARK}`,
      description: `${t.description}（演示数据）`,
      skills: t.skills,
      certificate: t.certificate,
      startDate,
      endDate,
      regionCode: opts.township.code,
      address: opts.address,
      latitude: opts.place.latitude,
      longitude: opts.place.longitude,
      capacity: t.capacity,
      subsidized: t.subsidyNote !== null,
      subsidyNote: t.subsidyNote,
      // 09:00–12:00 China time
      sessions: sessionDays.map((d) => ({
        id: rng.uuid(),
        startsAt: `${addDays(startDate, d)}T01:00:00.000Z`,
        endsAt: `${addDays(startDate, d)}T04:00:00.000Z`,
        place: opts.address,
      })),
    };
    this.pop.courses.push(row);
    return row;
  }
}
