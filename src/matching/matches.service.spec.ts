import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ApplicationIntake } from '../applications/application-intake.service';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import type { PostingsDirectory } from '../postings/postings-directory';
import type { RegionsService } from '../regions/regions.service';
import type { EmployerMatchDto, OfficerMatchDto, PostingMatchesQuery } from './dto/match.dto';
import { MatchingSettings } from './matching-settings';
import type { MatchesRepository, MatchRow } from './matches.repository';
import { MatchesService } from './matches.service';
import { testUser as user } from '../access/testing/test-user';

/*
 * Who sees which list of a posting's matches, and what an officer may do to a match, over an
 * in-memory repository (issue 14 item 4). The SQL (the join, the queue's order and scope) is
 * proved by the e2e files (matching, match-views, two-sided).
 */

const M = {} as EntityManager;
const POSTING = 'posting-1';
const SITE_A = 'site-a';
const SITE_B = 'site-b';

function row(over: Partial<MatchRow>): MatchRow {
  return {
    id: randomUUID(),
    postingId: POSTING,
    postingTitle: '采茶工',
    residentId: randomUUID(),
    score: '80',
    priority: '0',
    rank: 1,
    componentValues: [],
    componentPoints: [],
    reasonZh: '技能匹配；零就业家庭优先',
    reasonEn: 'Skills fit; zero-employment household first',
    employerReasonZh: '技能匹配',
    employerReasonEn: 'Skills fit',
    postingWageMin: '3000',
    postingWageUnit: 'month',
    status: 'new',
    dismissReason: null,
    referredApplicationId: null,
    distanceKm: '3.2',
    travelMinutes: null,
    travelSource: null,
    requiredSkillsMissing: [],
    siteId: SITE_A,
    computedAt: new Date(0),
    engineVersion: 'test',
    name: '田秀英',
    consentToShare: true,
    householdId: randomUUID(),
    householdSiteId: SITE_A,
    siteRegionCode: '422802101',
    originRegionCode: '422802101',
    zeroEmployment: false,
    monitoringStatus: 'none',
    ...over,
  };
}

/** The repository's methods over a list; the list's order is what the SQL's ORDER BY would give. */
class FakeRepository {
  rows: MatchRow[] = [];
  readonly writes: string[] = [];
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  postingMatches(postingId: string, order: 'rank' | 'score') {
    const by =
      order === 'score'
        ? (a: MatchRow, b: MatchRow) =>
            Number(b.score) - Number(a.score) || a.residentId.localeCompare(b.residentId)
        : (a: MatchRow, b: MatchRow) => a.rank - b.rank || a.residentId.localeCompare(b.residentId);
    return Promise.resolve(this.rows.filter((r) => r.postingId === postingId).sort(by));
  }
  lock(_m: EntityManager, id: string) {
    return Promise.resolve(this.rows.some((r) => r.id === id));
  }
  matchRow(_m: EntityManager, id: string) {
    return Promise.resolve(this.rows.find((r) => r.id === id));
  }
  markReferred(_m: EntityManager, id: string) {
    this.writes.push(`referred ${id}`);
    return Promise.resolve();
  }
  markDismissed(_m: EntityManager, id: string) {
    this.writes.push(`dismissed ${id}`);
    return Promise.resolve();
  }
}

function setup() {
  const repo = new FakeRepository();
  const reads: string[][] = [];
  const audit = {
    recordReads: (_a: AuthUser, _t: string, ids: string[]) => {
      reads.push(ids);
      return Promise.resolve();
    },
    record: () => Promise.resolve(),
  } as unknown as AuditService;
  const postings = {
    postingRef: (id: string) =>
      Promise.resolve(
        id === POSTING
          ? { id, title: '采茶工', employerId: 'emp-1', regionCode: '422802101', status: 'open' }
          : null,
      ),
  } as unknown as PostingsDirectory;
  const referrals: string[] = [];
  const applications = {
    createReferral: (_m: EntityManager, r: { residentId: string }) => {
      referrals.push(r.residentId);
      return Promise.resolve({ id: 'application-1' });
    },
  } as unknown as ApplicationIntake;
  const service = new MatchesService(
    repo as unknown as MatchesRepository,
    new ScopePolicy(),
    audit,
    postings,
    {} as RegionsService,
    applications,
    new MatchingSettings(loadConfig({})),
  );
  return { repo, service, reads, referrals };
}

const query: PostingMatchesQuery = { page: 1, pageSize: 20, lang: 'zh' };
const owner = user('employer', { employerId: 'emp-1' });
const officerA = user('officer', { scope: { siteIds: [SITE_A], regionCodes: [] } });

describe('MatchesService: a posting’s list', () => {
  it('shows the owning employer only consenting, undismissed candidates, masked, by score alone', async () => {
    const { repo, service, reads } = setup();
    repo.rows = [
      // Rank 1 because the household is zero-employment (the tie broken by priority).
      row({ residentId: 'r1', name: '田秀英', score: '80', rank: 1, priority: '2', zeroEmployment: true }),
      row({ residentId: 'r2', name: '向明', score: '85', rank: 2 }),
      row({ residentId: 'r3', name: '谭春', consentToShare: false, score: '90', rank: 3 }),
      row({ residentId: 'r4', name: '覃华', status: 'dismissed', score: '70', rank: 4 }),
    ];
    const list = await service.forPosting(owner, POSTING, query);
    const items = list.items as EmployerMatchDto[];
    // The stored rank would tell which candidate's household is in hardship: score order only.
    expect(items.map((i) => i.residentId)).toEqual(['r2', 'r1']);
    expect(items.map((i) => i.displayName)).toEqual(['向*', '田**']);
    expect(items[1].reason).toBe('技能匹配');
    for (const i of items) {
      expect(i).not.toHaveProperty('name');
      expect(i).not.toHaveProperty('priority');
      expect(i).not.toHaveProperty('zeroEmployment');
    }
    expect(list.total).toBe(2);
    expect(reads).toEqual([]);
  });

  it('is a 404 for another employer (the posting’s list is not revealed)', async () => {
    const { repo, service } = setup();
    repo.rows = [row({})];
    await expect(
      service.forPosting(user('employer', { employerId: 'emp-2' }), POSTING, query),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('shows an officer, by name and stored rank, only residents they may read, and audits those reads', async () => {
    const { repo, service, reads } = setup();
    repo.rows = [
      row({ residentId: 'r1', name: '田秀英', rank: 2 }),
      // Another site's household, registered elsewhere: not this officer's to read.
      row({
        residentId: 'r2',
        name: '向明',
        rank: 1,
        householdSiteId: SITE_B,
        siteId: SITE_B,
        siteRegionCode: '422802202',
        originRegionCode: '422802202',
      }),
      row({ residentId: 'r3', name: '谭春', rank: 3, consentToShare: false, priority: '2' }),
    ];
    const list = await service.forPosting(officerA, POSTING, { ...query, pageSize: 1 });
    const items = list.items as OfficerMatchDto[];
    expect(items.map((i) => [i.residentId, i.name])).toEqual([['r1', '田秀英']]);
    expect(list.total).toBe(2);
    // Only the page shown is a read of those residents' data.
    expect(reads).toEqual([['r1']]);
  });
});

describe('MatchesService: refer and dismiss', () => {
  it('refers a match of a resident the officer manages: one referral, the match marked', async () => {
    const { repo, service, referrals } = setup();
    const m = row({ residentId: 'r1' });
    repo.rows = [m];
    const out = await service.refer(officerA, m.id);
    expect(out).toEqual({
      id: m.id,
      status: 'referred',
      referredApplicationId: 'application-1',
      dismissReason: null,
    });
    expect(referrals).toEqual(['r1']);
    expect(repo.writes).toEqual([`referred ${m.id}`]);
  });

  it('is a 404, with no referral, for a match of a household the officer does not manage', async () => {
    const { repo, service, referrals } = setup();
    const m = row({ householdSiteId: SITE_B, siteRegionCode: '422802202' });
    repo.rows = [m];
    await expect(service.refer(officerA, m.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.refer(officerA, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(referrals).toEqual([]);
    expect(repo.writes).toEqual([]);
  });

  it('keeps a referred match: neither referred again nor dismissed (409)', async () => {
    const { repo, service, referrals } = setup();
    const m = row({ status: 'referred', referredApplicationId: 'application-0' });
    repo.rows = [m];
    await expect(service.refer(officerA, m.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(service.dismiss(officerA, m.id, '已外出务工')).rejects.toBeInstanceOf(ConflictError);
    expect(referrals).toEqual([]);
    expect(repo.writes).toEqual([]);
  });

  it('dismisses with the reason trimmed', async () => {
    const { repo, service } = setup();
    const m = row({});
    repo.rows = [m];
    const out = await service.dismiss(officerA, m.id, '  已外出务工 ');
    expect(out).toEqual({
      id: m.id,
      status: 'dismissed',
      referredApplicationId: null,
      dismissReason: '已外出务工',
    });
    expect(repo.writes).toEqual([`dismissed ${m.id}`]);
  });
});
