import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { NotFoundError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import type { RegionsService } from '../regions/regions.service';
import type { Site } from '../regions/site.entity';
import type { DashboardRepository, SiteLaborRow } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import type { SummaryRow } from './indicators-sql';
import type { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

/*
 * The officer's figures over fake repositories (issue 14 item 4): what DashboardService and
 * IndicatorsService make of the rows — employment rates, retention, who may see a site. The SQL
 * that counts the rows is proved by the reports e2e file.
 */

function officer(over: Partial<AuthUser['scope']> = {}): AuthUser {
  return {
    id: randomUUID(),
    role: 'officer',
    name: 'officer',
    scope: { siteIds: [], regionCodes: [], ...over },
    residentId: null,
    employerId: null,
    sessionId: null,
    ip: '127.0.0.1',
    requestId: 'test',
  };
}

const site = { id: 'site-1', name: '文斗安置点', regionCode: '422802101' } as Site;

const summaryRow: SummaryRow = {
  households: 40,
  labor_force: 3,
  employed: 2,
  zero_employment: 1,
  with_worker: 2,
  monitored: 5,
  active_placements: 2,
  r3_base: 3,
  r3_kept: 2,
  r6_base: 0,
  r6_kept: 0,
  postings_in_reach: 7,
  training_completions: 4,
  as_of: new Date('2026-12-02T02:00:00Z'),
};

function setup(bySite: SiteLaborRow[]) {
  const regions = {
    findSite: (id: string) => Promise.resolve(id === site.id ? site : null),
  } as unknown as RegionsService;
  const summarized: string[][] = [];
  const indicatorsRepo = {
    summary: (ids: string[]) => {
      summarized.push(ids);
      return Promise.resolve(summaryRow);
    },
  } as unknown as IndicatorsRepository;
  const indicators = new IndicatorsService(indicatorsRepo, new ScopePolicy(), regions, loadConfig({}));
  const dashboardRepo = {
    laborBySite: () => Promise.resolve(bySite),
    placementsStartedByMonth: () => Promise.resolve([{ month: '2026-11', placements: 3 }]),
    zeroEmploymentHouseholdsByMonth: () => Promise.resolve([{ month: '2026-11', households: 1 }]),
    skillGaps: () => Promise.resolve([]),
  } as unknown as DashboardRepository;
  return { dashboard: new DashboardService(dashboardRepo, indicators), indicators, summarized };
}

describe('DashboardService', () => {
  const ownOfficer = officer({ siteIds: [site.id] });

  it('gives each managed site its employment rate, to four decimals, and 0 with no labour force', async () => {
    const { dashboard } = setup([
      { siteId: 'site-1', name: '文斗安置点', laborForce: 3, employed: 2 },
      { siteId: 'site-2', name: '新建安置点', laborForce: 0, employed: 0 },
    ]);
    const d = await dashboard.dashboard(ownOfficer, site.id);
    expect(d.employmentRateBySite).toEqual([
      { siteId: 'site-1', name: '文斗安置点', laborForce: 3, employed: 2, employmentRate: 0.6667 },
      { siteId: 'site-2', name: '新建安置点', laborForce: 0, employed: 0, employmentRate: 0 },
    ]);
    expect(d.placementsStartedByMonth).toEqual([{ month: '2026-11', placements: 3 }]);
    // The reach in the note is the configured one (config/reports.yaml, 30 km by default).
    expect(d.notes.skillGaps).toContain('within 30 km');
  });

  it('hides a site the officer does not manage behind a 404, and an unknown one', async () => {
    const { dashboard } = setup([]);
    await expect(dashboard.dashboard(officer({ regionCodes: ['522601'] }), site.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(dashboard.dashboard(ownOfficer, 'no-such-site')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('IndicatorsService.siteSummary', () => {
  it('turns the counted row into rates, and no retention where no placement is old enough', async () => {
    const { indicators, summarized } = setup([]);
    const s = await indicators.siteSummary(officer({ regionCodes: ['422802'] }), site.id);
    expect(summarized).toEqual([[site.id]]);
    expect(s).toMatchObject({
      siteId: site.id,
      households: 40,
      laborForce: 3,
      employed: 2,
      employmentRate: 0.6667,
      zeroEmploymentHouseholds: 1,
      retention3m: 0.6667,
      retention6m: null,
      openPostingsInReach: 7,
    });
    expect(Object.keys(s.definitions)).toContain('retention6m');
  });
});
