import type { AuthUser } from '../access/auth-user';
import type { ApplicationsDirectory, OfficerReferral, ReferralWindow } from '../applications/applications-directory';
import type { PlacementsDirectory } from '../placements/placements-directory';
import type { RegionsDirectory, SiteCard } from '../regions/regions-directory';
import type { SqlCondition } from '../kernel/sql-condition';
import type { HouseholdCard, HouseholdsDirectory } from '../residents/households-directory';
import type { NotificationsService } from '../notifications/notifications.service';
import { CaseClockService } from './case-clock.service';
import { CaseRecords } from './case-records';
import type { CaseServicesRepository, DashboardCaseCore } from './case-services.repository';
import type { CaseCore, CaseFilter, CaseworkRepository } from './casework.repository';
import type { CaseworkSettings } from './casework-settings';
import type { CaseStatus } from './case-vocabulary';

/*
 * CaseRecords over fake repositories and directories (issue 14 item 4): a case row is the case's
 * own columns plus its owners' facts, fetched once per owner for the whole page, never once per
 * case; the queue referrals count from the case's (re)opening, once when also logged. The SQL
 * is proved by the casework e2e files.
 */

const ADMIN = { id: 'u', role: 'admin', name: 'admin', scope: { siteIds: [], regionCodes: [] } } as unknown as AuthUser;
const SITES: SiteCard[] = [
  { id: 's1', name: '幸福小区', regionCode: '422802107' },
  { id: 's2', name: '安居苑', regionCode: '522601101' },
];

function card(id: string, over: Partial<HouseholdCard> = {}): HouseholdCard {
  return {
    id,
    number: 7,
    siteId: 's1',
    originRegionCode: '422802104001',
    zeroEmployment: true,
    headId: `${id}-head`,
    headName: '张三',
    ...over,
  };
}

function core(id: string, householdId: string, over: Partial<CaseCore> = {}): CaseCore {
  return {
    id,
    householdId,
    status: 'open',
    cause: 'members_changed',
    openedAt: new Date('2026-11-02T02:00:00.123Z'),
    openedAtExact: '2026-11-02 02:00:00.123456+00',
    openedOn: '2026-11-02',
    firstContactDueOn: '2026-11-05',
    clearDueOn: '2026-11-09',
    firstContactOn: null,
    employedOn: null,
    closedReason: null,
    closeNote: null,
    overdue: false,
    policyBriefing: 0,
    guidance: 0,
    referrals: 0,
    trainingOffers: 0,
    loggedReferrals: [],
    ...over,
  };
}

function setup(o: {
  cases?: CaseCore[];
  households?: HouseholdCard[];
  members?: { id: string; householdId: string }[];
  referrals?: (Omit<OfficerReferral, 'key'> & { createdAt: string })[];
  zero?: string[];
  notClosed?: { householdId: string; status: CaseStatus }[];
  employed?: { id: string; householdId: string; employedOn: string }[];
}) {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  /** Each list call: the cases' own filter and the household conditions it was given. */
  const listed: { f: CaseFilter; households: readonly SqlCondition[] }[] = [];
  const stabilised: string[][] = [];
  const cardMap = new Map((o.households ?? []).map((h) => [h.id, h]));
  const cases = {
    get: (id: string) => Promise.resolve(o.cases?.find((c) => c.id === id) ?? null),
    list: (households: (column: string) => readonly SqlCondition[], f: CaseFilter) => {
      listed.push({ f, households: households('c.household_id') });
      return Promise.resolve({ rows: o.cases ?? [], total: 42 });
    },
    overdue: () => Promise.resolve(o.cases ?? []),
    notClosed: () => Promise.resolve(o.notClosed ?? []),
    employedCases: () => Promise.resolve(o.employed ?? []),
    markStabilised: (ids: string[]) => {
      stabilised.push(ids);
      return Promise.resolve();
    },
  } as unknown as CaseworkRepository;
  const services = {
    dashboardCases: (): Promise<DashboardCaseCore[]> =>
      Promise.resolve(
        (o.cases ?? []).map((c) => ({
          caseId: c.id,
          householdId: c.householdId,
          status: c.status,
          overdue: c.overdue,
          openedOn: c.openedOn,
          firstContactOn: c.firstContactOn,
          clearDueOn: c.clearDueOn,
          employedOn: c.employedOn,
        })),
      ),
    windows: (ids: string[]) =>
      Promise.resolve(
        (o.cases ?? [])
          .filter((c) => ids.includes(c.id))
          .map((c) => ({ id: c.id, householdId: c.householdId, openedAtExact: c.openedAtExact })),
      ),
  } as unknown as CaseServicesRepository;
  const households = {
    cardsOf: (ids: string[]) => {
      count('households.cardsOf');
      return Promise.resolve(new Map(ids.flatMap((id) => (cardMap.has(id) ? [[id, cardMap.get(id)!]] : []))));
    },
    card: (id: string) => Promise.resolve(cardMap.get(id) ?? null),
    everyMemberOf: (ids: string[]) => {
      count('households.everyMemberOf');
      return Promise.resolve((o.members ?? []).filter((m) => ids.includes(m.householdId)));
    },
    labourCapableOf: (ids: string[]) => Promise.resolve((o.members ?? []).filter((m) => ids.includes(m.householdId))),
    zeroEmploymentIds: () => Promise.resolve(o.zero ?? []),
    // The directory's conditions, as data the test can read (the real ones are SQL).
    readableBy: (actor: AuthUser, column: string) => ({ sql: `readable ${column}`, params: { actor: actor.id } }),
    at: (column: string, f: object, match = 'all') => ({ sql: `at ${column} ${match}`, params: f }),
  } as unknown as HouseholdsDirectory;
  const regions = {
    sitesOf: (ids: string[]) => {
      count('regions.sitesOf');
      return Promise.resolve(new Map(SITES.filter((s) => ids.includes(s.id)).map((s) => [s.id, s])));
    },
    siteIdsWithin: (code: string) =>
      Promise.resolve(SITES.filter((s) => s.regionCode.startsWith(code)).map((s) => s.id)),
    namesOf: () => Promise.resolve(new Map([['422802104', '文斗镇']])),
  } as unknown as RegionsDirectory;
  const applications = {
    officerReferralsIn: (windows: ReferralWindow[]) => {
      count('applications.officerReferralsIn');
      return Promise.resolve(
        windows.flatMap((w) =>
          (o.referrals ?? [])
            .filter((r) => w.residentIds.includes(r.residentId) && r.createdAt >= w.since)
            .map(({ createdAt: _c, ...r }) => ({ key: w.key, ...r })),
        ),
      );
    },
  } as unknown as ApplicationsDirectory;
  const placements = {
    activeCountOf: (ids: string[]) => Promise.resolve(ids.length),
  } as unknown as PlacementsDirectory;
  const records = new CaseRecords(cases, services, households, regions, applications, placements);
  return { records, calls, listed, stabilised, cases };
}

describe('CaseRecords', () => {
  it('answers a page with its households, sites and queue referrals in one call per owner', async () => {
    const { records, calls } = setup({
      cases: [
        core('c1', 'h1', {
          referrals: 1,
          loggedReferrals: [{ residentId: 'r1', postingId: 'p1' }],
        }),
        core('c2', 'h2'),
      ],
      households: [card('h1'), card('h2', { number: 8, siteId: 's2', headName: null, headId: null })],
      members: [
        { id: 'r1', householdId: 'h1' },
        { id: 'r2', householdId: 'h2' },
      ],
      referrals: [
        { residentId: 'r1', postingId: 'p1', status: 'applied', createdAt: '2026-11-03 01:00:00+00' }, // logged too
        { residentId: 'r1', postingId: 'p2', status: 'applied', createdAt: '2026-11-03 01:00:00+00' },
        { residentId: 'r2', postingId: 'p3', status: 'applied', createdAt: '2026-11-01 01:00:00+00' }, // before opening
      ],
    });
    const { rows, total } = await records.list(ADMIN, { today: '2026-11-04', offset: 0, limit: 20 });
    expect(total).toBe(42);
    expect(rows.map((r) => [r.id, r.householdNumber, r.headName, r.siteId, r.siteRegionCode, r.referrals])).toEqual([
      ['c1', 7, '张三', 's1', '422802107', 2],
      ['c2', 8, null, 's2', '522601101', 0],
    ]);
    expect(rows[0]).not.toHaveProperty('loggedReferrals');
    expect(rows[0]).not.toHaveProperty('openedAtExact');
    expect(calls).toEqual({
      'households.cardsOf': 1,
      'households.everyMemberOf': 1,
      'regions.sitesOf': 1,
      'applications.officerReferralsIn': 1,
    });
  });

  it("filters a region's queue by the sites inside it and the households registered in it", async () => {
    const { records, listed } = setup({});
    await records.list(ADMIN, { regionCode: '4228', today: '2026-11-04', offset: 0, limit: 20 });
    expect(listed[0].households).toEqual([
      { sql: 'readable c.household_id', params: { actor: ADMIN.id } },
      { sql: 'at c.household_id any', params: { siteIds: ['s1'], originRegionCode: '4228' } },
    ]);
    expect(listed[0].f).toMatchObject({ today: '2026-11-04', offset: 0, limit: 20 });
  });

  it("keeps the actor's scope first and adds a site and an origin as conditions that must all hold", async () => {
    const { records, listed } = setup({});
    await records.list(ADMIN, { siteId: 's2', originRegionCode: '422802', today: '2026-11-04', offset: 0, limit: 20 });
    expect(listed[0].households.map((c) => [c.sql, c.params])).toEqual([
      ['readable c.household_id', { actor: ADMIN.id }],
      ['at c.household_id all', { siteIds: ['s2'] }],
      ['at c.household_id all', { originRegionCode: '422802' }],
    ]);
  });

  it('leaves out a case whose household is gone, as the joins did', async () => {
    const { records } = setup({ cases: [core('c1', 'gone')] });
    expect(await records.get('c1', '2026-11-04')).toBeNull();
  });

  it('counts the queue referrals of a case from its (re)opening', async () => {
    const { records } = setup({
      cases: [core('c1', 'h1')],
      households: [card('h1')],
      members: [{ id: 'r1', householdId: 'h1' }],
      referrals: [
        { residentId: 'r1', postingId: 'p1', status: 'declined', createdAt: '2026-11-02 02:00:00.123455+00' },
        { residentId: 'r1', postingId: 'p2', status: 'declined', createdAt: '2026-11-02 02:00:00.123456+00' },
      ],
    });
    expect(await records.queueReferrals(['c1'])).toEqual([
      { caseId: 'c1', residentId: 'r1', postingId: 'p2', status: 'declined' },
    ]);
  });

  it('names the dashboard groups by site and township', async () => {
    const { records } = setup({
      cases: [core('c1', 'h1'), core('c2', 'h2')],
      households: [card('h1'), card('h2', { siteId: 's2', originRegionCode: '522601105002' })],
    });
    const rows = await records.dashboardCases(ADMIN, '2026-11-04', {});
    expect(rows.map((r) => [r.siteName, r.township, r.townshipName])).toEqual([
      ['幸福小区', '422802104', '文斗镇'],
      ['安居苑', '522601105', null],
    ]);
  });

  it('finds the households out of step with their flag', async () => {
    const { records } = setup({
      zero: ['no-case', 'employed', 'open'],
      notClosed: [
        { householdId: 'employed', status: 'employed' },
        { householdId: 'open', status: 'open' },
        { householdId: 'back-at-work', status: 'assisting' },
        { householdId: 'stable', status: 'stabilised' },
      ],
    });
    expect((await records.outOfStep()).sort()).toEqual(['back-at-work', 'employed', 'no-case']);
  });

  it('stabilises the employed cases past the period of their regions', async () => {
    const { records, stabilised, cases } = setup({
      households: [card('h1'), card('h2', { siteId: 's2' })],
      employed: [
        { id: 'c1', householdId: 'h1', employedOn: '2026-05-01' },
        { id: 'c2', householdId: 'h2', employedOn: '2026-05-01' },
      ],
    });
    const settings = {
      rules: (_origin: string, site: string) => ({ stableAfterDays: site.startsWith('42') ? 180 : 365 }),
    } as unknown as CaseworkSettings;
    const clock = new CaseClockService(cases, records, settings, {} as NotificationsService);
    expect(await clock.stabilise('2026-10-28')).toBe(1);
    expect(stabilised).toEqual([['c1']]);
  });
});
