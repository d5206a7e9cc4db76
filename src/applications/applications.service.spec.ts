import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { EmployersService } from '../employers/employers.service';
import type { EmploymentPolicy } from '../placements/employment-policy';
import type { PlacementsService } from '../placements/placements.service';
import type { PostingHiringTerms, PostingsDirectory } from '../postings/postings-directory';
import type { ResidentsDirectory } from '../residents/residents-directory';
import type { Application } from './application.entity';
import { ApplicationIntake } from './application-intake.service';
import type { ApplicationNotices } from './application-notices';
import { ApplicationPipeline } from './application-pipeline.service';
import { CLOSED_FOR_UNIQUENESS, type ApplicationStatus } from './application-status';
import type { ApplicationsRepository, NewApplication } from './applications.repository';
import { ApplicationsService } from './applications.service';
import type { CreateApplicationDto } from './dto/application.dto';
import { testUser as user } from '../access/testing/test-user';

/*
 * The applications services over an in-memory repository (issue 14 item 4): the rules a resident,
 * an employer and an officer see — who may apply for whom, that a withdrawn application can be
 * applied again and a declined invitation cannot be repeated, who moves which step, what a hire
 * creates, what the employer sees of a candidate — without PostgreSQL. The SQL (the list's scope
 * and order) is proved by test/e2e/applications.e2e-spec.ts.
 */

const M = {} as EntityManager;
const SITE = { id: 'site-a', regionCode: '422802107' };
const RESIDENT = 'res-1';
const OTHER_RESIDENT = 'res-2';

/** The repository over a map; insertUnlessActive keeps the partial unique index's rule. */
class FakeRepository {
  readonly rows = new Map<string, Application>();
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findById(id: string) {
    return Promise.resolve(this.copy(id));
  }
  lockById(_m: EntityManager, id: string) {
    return Promise.resolve(this.copy(id));
  }
  declined(_m: EntityManager, postingId: string, residentId: string) {
    return Promise.resolve(
      [...this.rows.values()].some(
        (a) => a.postingId === postingId && a.residentId === residentId && a.status === 'declined',
      ),
    );
  }
  insertUnlessActive(_m: EntityManager, v: NewApplication) {
    const active = [...this.rows.values()].some(
      (a) =>
        a.postingId === v.postingId &&
        a.residentId === v.residentId &&
        !CLOSED_FOR_UNIQUENESS.includes(a.status),
    );
    if (active) return Promise.resolve(null);
    const a = { ...v, id: randomUUID(), createdAt: new Date(), updatedAt: new Date() } as Application;
    this.rows.set(a.id, a);
    return Promise.resolve({ ...a });
  }
  moveTo(_m: EntityManager, id: string, status: ApplicationStatus, entry: Application['history'][number]) {
    const a = this.rows.get(id)!;
    a.status = status;
    a.history = [...a.history, entry];
    return Promise.resolve();
  }
  private copy(id: string): Application | null {
    const a = this.rows.get(id);
    return a ? { ...a } : null;
  }
}

function setup(posting: Partial<PostingHiringTerms> = {}, employerKind = 'local_enterprise') {
  const repo = new FakeRepository();
  const terms: PostingHiringTerms = {
    id: 'post-1',
    title: '采茶工',
    employerId: 'emp-1',
    regionCode: '522601101',
    status: 'open',
    publicWelfare: false,
    ageMin: null,
    ageMax: null,
    startDate: null,
    wageMin: 3000,
    wageMax: 3600,
    wageUnit: 'month',
    ...posting,
  };
  const hires: string[] = [];
  const postings = {
    hiringTerms: (id: string) => Promise.resolve(id === terms.id ? terms : null),
    postingRef: (id: string) => Promise.resolve(id === terms.id ? terms : null),
    recordHire: (_m: EntityManager, id: string) => {
      hires.push(id);
      return Promise.resolve({ status: 'open' });
    },
    headlinesOf: () =>
      Promise.resolve(new Map([[terms.id, { title: terms.title, publicWelfare: terms.publicWelfare }]])),
  } as unknown as PostingsDirectory;
  const household = { id: 'hh-1', site: SITE, originRegionCode: '522601101' };
  const pii = new PiiCipher(loadConfig({ LEYE_PII_KEYS: `a:${Buffer.alloc(32, 7).toString('base64')}` }));
  const residents = {
    residentRef: (id: string): Promise<ResidentRef | null> =>
      Promise.resolve([RESIDENT, OTHER_RESIDENT].includes(id) ? { id, household } : null),
    summaryFor: (id: string) => Promise.resolve({ id, consentToShare: id === RESIDENT }),
    contactCardsOf: (ids: string[]) =>
      Promise.resolve(
        new Map(
          ids.map((id) => [
            id,
            {
              name: '王小梅',
              phoneEncrypted: pii.encrypt('13800001111'),
              consentToShare: true,
              householdPriority: 2,
            },
          ]),
        ),
      ),
  } as unknown as ResidentsDirectory;
  const placements: { kind: string; startDate: string; monthlyIncome: number }[] = [];
  const placementsService = {
    assertPublicWelfareEligible: () => Promise.resolve(),
    createFromHire: (
      _m: EntityManager,
      _a: AuthUser,
      p: { kind: string; startDate: string; monthlyIncome: number },
    ) => {
      placements.push(p);
      return Promise.resolve({ id: 'placement-1' });
    },
  } as unknown as PlacementsService;
  const employers = {
    summary: () =>
      Promise.resolve({ id: 'emp-1', name: '茶厂', kind: employerKind, verified: true, ownerUserId: 'u' }),
  } as unknown as EmployersService;
  const rules = { priority: {}, monthlyIncomeFromWage: () => 3300 } as unknown as EmploymentPolicy;
  const told: { to: 'resident' | 'inviter'; status: ApplicationStatus }[] = [];
  const notices = {
    toResident: (_m: EntityManager, _a: Application, status: ApplicationStatus) => {
      told.push({ to: 'resident', status });
      return Promise.resolve();
    },
    toInviter: (_m: EntityManager, _a: Application, status: ApplicationStatus) => {
      told.push({ to: 'inviter', status });
      return Promise.resolve();
    },
  } as unknown as ApplicationNotices;
  const audit = {
    record: () => Promise.resolve(),
    recordReads: () => Promise.resolve(),
  } as unknown as AuditService;
  const policy = new ScopePolicy();
  const repository = repo as unknown as ApplicationsRepository;
  const intake = new ApplicationIntake(
    repository,
    policy,
    audit,
    notices,
    residents,
    postings,
    placementsService,
  );
  const pipeline = new ApplicationPipeline(
    repository,
    policy,
    audit,
    notices,
    residents,
    postings,
    employers,
    placementsService,
    rules,
  );
  const service = new ApplicationsService(
    repository,
    intake,
    pipeline,
    policy,
    audit,
    pii,
    residents,
    postings,
    rules,
  );
  return { repo, service, hires, placements, told };
}

const resident = user('resident', { residentId: RESIDENT });
const employer = user('employer', { employerId: 'emp-1' });
const officer = user('officer', { scope: { siteIds: [SITE.id], regionCodes: [] } });
const outOfScopeOfficer = user('officer', { scope: { siteIds: ['site-z'], regionCodes: [] } });
const apply = (postingId = 'post-1', residentId?: string) =>
  ({ postingId, residentId }) as CreateApplicationDto;

describe('applying', () => {
  it('lets a resident apply for themself only, once while the application is active', async () => {
    const { service } = setup();
    await expect(service.apply(resident, apply('post-1', OTHER_RESIDENT))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const a = await service.apply(resident, apply());
    expect(a).toMatchObject({ status: 'applied', source: 'self', postingTitle: '采茶工' });
    await expect(service.apply(resident, apply())).rejects.toMatchObject({ code: 'application.duplicate' });
  });

  it('lets a withdrawn application be applied for again (a new application)', async () => {
    const { service, repo } = setup();
    const first = await service.apply(resident, apply());
    expect((await service.changeStatus(resident, first.id, { status: 'withdrawn' })).status).toBe(
      'withdrawn',
    );
    const again = await service.apply(resident, apply());
    expect(again.id).not.toBe(first.id);
    expect(repo.rows.size).toBe(2);
  });

  it('refuses a posting that is not open, and hides a draft', async () => {
    await expect(setup({ status: 'closed' }).service.apply(resident, apply())).rejects.toMatchObject({
      code: 'posting.not_open',
    });
    await expect(setup({ status: 'draft' }).service.apply(resident, apply())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('lets an officer refer only a resident they manage, naming the resident', async () => {
    const { service, told } = setup();
    await expect(service.apply(officer, apply())).rejects.toMatchObject({
      details: [{ field: 'residentId' }],
    });
    await expect(service.apply(outOfScopeOfficer, apply('post-1', RESIDENT))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const a = await service.apply(officer, apply('post-1', RESIDENT));
    expect(a).toMatchObject({ source: 'officer_referral', status: 'applied', priority: 2 });
    expect(told).toEqual([{ to: 'resident', status: 'applied' }]);
  });
});

describe('invitations', () => {
  it('shows the employer a masked candidate until the resident accepts, then the contact', async () => {
    const { service, told } = setup();
    const inv = await service.invite(employer, { postingId: 'post-1', residentId: RESIDENT });
    expect(inv).toMatchObject({ status: 'invited', applicant: { phone: null, phoneMasked: true } });
    expect(inv.applicant?.name).not.toBe('王小梅');
    await expect(service.accept(resident, inv.id)).resolves.toMatchObject({ status: 'applied' });
    expect(told.at(-1)).toEqual({ to: 'inviter', status: 'applied' });
    expect(await service.get(employer, inv.id)).toMatchObject({
      applicant: { name: '王小梅', phone: '13800001111', phoneMasked: false },
    });
  });

  it('refuses to invite a resident who does not share their profile, or who declined before', async () => {
    const { service } = setup();
    await expect(
      service.invite(employer, { postingId: 'post-1', residentId: OTHER_RESIDENT }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const inv = await service.invite(employer, { postingId: 'post-1', residentId: RESIDENT });
    await service.decline(resident, inv.id);
    await expect(
      service.invite(employer, { postingId: 'post-1', residentId: RESIDENT }),
    ).rejects.toMatchObject({
      code: 'application.invitation_declined',
    });
  });

  it('lets nobody push an invitation down the pipeline, and accepts only an open invitation', async () => {
    const { service } = setup();
    const inv = await service.invite(employer, { postingId: 'post-1', residentId: RESIDENT });
    await expect(service.changeStatus(employer, inv.id, { status: 'viewed' })).rejects.toMatchObject({
      code: 'application.illegal_transition',
    });
    const own = await service.apply(user('resident', { residentId: OTHER_RESIDENT }), apply());
    await expect(
      service.accept(user('resident', { residentId: OTHER_RESIDENT }), own.id),
    ).rejects.toMatchObject({
      code: 'application.illegal_transition',
    });
  });
});

describe('the employer’s steps and the hire', () => {
  it('lets the resident only withdraw, the employer decide, an officer withdraw for the resident', async () => {
    const { service } = setup();
    const a = await service.apply(resident, apply());
    await expect(service.changeStatus(resident, a.id, { status: 'viewed' })).rejects.toMatchObject({
      code: 'application.illegal_transition',
    });
    await expect(service.changeStatus(employer, a.id, { status: 'hired' })).rejects.toMatchObject({
      code: 'application.illegal_transition',
    });
    expect((await service.changeStatus(employer, a.id, { status: 'interview' })).status).toBe('interview');
    expect((await service.changeStatus(officer, a.id, { status: 'withdrawn' })).status).toBe('withdrawn');
    await expect(
      service.changeStatus(outOfScopeOfficer, a.id, { status: 'withdrawn' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts a hire on the posting and creates the placement, a verified workshop’s as a workshop', async () => {
    const { service, hires, placements } = setup({ startDate: '2000-01-01' }, 'workshop');
    const a = await service.apply(resident, apply());
    for (const status of ['interview', 'offered'] as const)
      await service.changeStatus(employer, a.id, { status });
    const hired = await service.changeStatus(employer, a.id, { status: 'hired' });
    expect(hired).toMatchObject({ status: 'hired', placementId: 'placement-1' });
    expect(hires).toEqual(['post-1']);
    expect(placements).toEqual([expect.objectContaining({ kind: 'workshop', monthlyIncome: 3300 })]);
    // A start date in the past becomes today: a placement never starts before it is made.
    expect(placements[0].startDate > '2000-01-01').toBe(true);
  });

  it('keeps one application away from another employer and another resident', async () => {
    const { service } = setup();
    const a = await service.apply(resident, apply());
    await expect(service.get(user('employer', { employerId: 'emp-2' }), a.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(service.get(user('resident', { residentId: OTHER_RESIDENT }), a.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(service.get(user('provider'), a.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
