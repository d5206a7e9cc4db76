import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../kernel/clock';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import type { OutboxService } from '../platform/database/outbox.service';
import type { EmployersService } from '../employers/employers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PostingsDirectory } from '../postings/postings-directory';
import type { RegionsService } from '../regions/regions.service';
import type { HouseholdsDirectory } from '../residents/households-directory';
import type { EmploymentChange, ResidentsDirectory } from '../residents/residents-directory';
import type { AtRiskAlerts, AtRiskHousehold } from './at-risk-alerts';
import { addDays } from '../kernel/clock';
import type { CreatePlacementDto } from './dto/placement.dto';
import { EmploymentPolicy } from './employment-policy';
import type { FollowUpTasksRepository } from './follow-up-tasks.repository';
import { FollowUpsService } from './follow-ups.service';
import type { PlacementFollowUp } from './placement-follow-up.entity';
import type { Placement } from './placement.entity';
import type { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

/*
 * PlacementsService and FollowUpsService over in-memory repositories (issue 14 item 4): what an
 * officer notices when recording work — how far ahead a start may be, when an end is refused,
 * when an end raises the at-risk alert, which follow-up visit closes which task, the
 * public-welfare limits — without PostgreSQL. The SQL is proved by test/e2e/placements.
 */

const M = {} as EntityManager;
const SITE = { id: 'site-1', regionCode: '522601101' };
const today = todayInPilotZone();

function officer(siteIds = [SITE.id]): AuthUser {
  return {
    id: randomUUID(),
    role: 'officer',
    name: 'officer',
    scope: { siteIds, regionCodes: [] },
    residentId: null,
    employerId: null,
    sessionId: null,
    ip: '127.0.0.1',
    requestId: 'test',
  };
}

/** Birth date of someone `age` years old today. */
const bornYearsAgo = (age: number) => `${Number(today.slice(0, 4)) - age}${today.slice(4, 10)}`;

class FakePlacements {
  readonly rows = new Map<string, Placement>();
  readonly followUps: PlacementFollowUp[] = [];
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findById(id: string) {
    return Promise.resolve(this.copy(id));
  }
  lockById(_m: EntityManager, id: string) {
    return Promise.resolve(this.copy(id));
  }
  publicWelfareHoldersOf(_m: EntityManager, householdId: string) {
    return Promise.resolve(
      this.active()
        .filter((p) => p.householdId === householdId && p.kind === 'public_welfare')
        .map((p) => p.residentId),
    );
  }
  activeCountOf(_m: EntityManager, residentId: string, exceptId: string) {
    return Promise.resolve(
      this.active().filter((p) => p.residentId === residentId && p.id !== exceptId).length,
    );
  }
  insert(_m: EntityManager, p: Omit<Placement, 'id' | 'createdAt' | 'updatedAt'>) {
    const row = { ...p, id: randomUUID(), createdAt: new Date(), updatedAt: new Date() } as Placement;
    this.rows.set(row.id, row);
    return Promise.resolve({ ...row });
  }
  end(_m: EntityManager, id: string, endDate: string, endReason: string) {
    Object.assign(this.rows.get(id)!, { endDate, endReason });
    return Promise.resolve();
  }
  insertFollowUp(_m: EntityManager, f: Omit<PlacementFollowUp, 'id' | 'createdAt'>) {
    const row = { ...f, id: randomUUID(), createdAt: new Date() } as PlacementFollowUp;
    this.followUps.push(row);
    return Promise.resolve(row);
  }
  followUpsOf(placementId: string) {
    return Promise.resolve(this.followUps.filter((f) => f.placementId === placementId));
  }
  private active() {
    return [...this.rows.values()].filter((p) => p.endDate === null);
  }
  private copy(id: string): Placement | null {
    const p = this.rows.get(id);
    return p ? { ...p } : null;
  }
}

/** The follow-up tasks: due 1, 3 and 6 months after a start, closed by a visit's date. */
class FakeTasks {
  readonly tasks: { id: string; placementId: string; dueDate: string; status: 'open' | 'done' }[] = [];
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  closeDue(_m: EntityManager, placementId: string, _followUpId: string, dueBy: string) {
    const closed = this.tasks.filter(
      (t) => t.placementId === placementId && t.status === 'open' && t.dueDate <= dueBy,
    );
    for (const t of closed) t.status = 'done';
    return Promise.resolve(closed.map((t) => t.id).sort());
  }
}

function setup() {
  const placements = new FakePlacements();
  const tasks = new FakeTasks();
  const residents = new Map<string, { ref: ResidentRef; birthDate: string | null; employed: boolean }>();
  const household = { id: 'hh-1', site: SITE, originRegionCode: '522601' };
  const addResident = (birthDate: string | null = bornYearsAgo(40), h = household) => {
    const id = randomUUID();
    residents.set(id, { ref: { id, household: h }, birthDate, employed: false });
    return id;
  };
  const directory = {
    residentRef: (id: string) => Promise.resolve(residents.get(id)?.ref ?? null),
    lockHouseholdOf: (_m: EntityManager, id: string) => {
      const r = residents.get(id);
      return Promise.resolve(r ? { householdId: r.ref.household.id, birthDate: r.birthDate } : null);
    },
    namesOf: (ids: string[]) => Promise.resolve(new Map(ids.map((id) => [id, `居民${id.slice(0, 4)}`]))),
    versionOf: () => Promise.resolve(1),
    setEmployment: (_m: EntityManager, id: string, employed: boolean): Promise<EmploymentChange> => {
      const r = residents.get(id)!;
      const before = [...residents.values()].some(
        (x) => x.ref.household.id === r.ref.household.id && x.employed,
      );
      r.employed = employed;
      const after = [...residents.values()].some(
        (x) => x.ref.household.id === r.ref.household.id && x.employed,
      );
      return Promise.resolve({
        householdId: r.ref.household.id,
        zeroEmploymentBefore: !before,
        zeroEmploymentAfter: !after,
      });
    },
  } as unknown as ResidentsDirectory;
  const raised: AtRiskHousehold[] = [];
  const alerts = {
    raise: (_m: EntityManager, h: AtRiskHousehold) => Promise.resolve(raised.push(h) && 2),
  } as unknown as AtRiskAlerts;
  const events: { kind: string }[] = [];
  const outbox = {
    add: (_m: EntityManager, e: { kind: string }) => Promise.resolve(void events.push(e)),
  } as unknown as OutboxService;
  const audit = {
    record: () => Promise.resolve(),
    recordReads: () => Promise.resolve(),
  } as unknown as AuditService;
  const followUps = new FollowUpsService(
    tasks as unknown as FollowUpTasksRepository,
    new ScopePolicy(),
    audit,
    {} as NotificationsService,
    {} as RegionsService,
    directory,
  );
  const service = new PlacementsService(
    placements as unknown as PlacementsRepository,
    new ScopePolicy(),
    audit,
    outbox,
    directory,
    {} as HouseholdsDirectory,
    {} as PostingsDirectory,
    {} as EmployersService,
    new EmploymentPolicy(loadConfig({})),
    alerts,
    followUps,
  );
  return { service, placements, tasks, residents, addResident, raised, events };
}

const work = (residentId: string, over: Partial<CreatePlacementDto> = {}): CreatePlacementDto => ({
  residentId,
  kind: 'local_enterprise',
  employerName: '县城茶厂',
  startDate: addDays(today, -100),
  ...over,
});

describe('PlacementsService', () => {
  it('records a placement for a resident the officer manages, who is then at work', async () => {
    const { service, residents, addResident } = setup();
    const id = addResident();
    const p = await service.create(officer(), work(id));
    expect(p).toMatchObject({ residentId: id, householdId: 'hh-1', siteId: SITE.id, active: true });
    expect(residents.get(id)!.employed).toBe(true);
    // Another site's officer does not see the resident at all.
    await expect(service.create(officer(['site-2']), work(id))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a start more than a month ahead, and an employer-less local job', async () => {
    const { service, addResident } = setup();
    const id = addResident();
    await expect(service.create(officer(), work(id, { startDate: addDays(today, 32) }))).rejects.toEqual(
      new InvalidInputError('startDate', 'must not be more than a month ahead'),
    );
    await expect(service.create(officer(), work(id, { employerName: undefined }))).rejects.toMatchObject({
      details: [{ field: 'employerName' }],
    });
    expect((await service.create(officer(), work(id, { startDate: addDays(today, 31) }))).active).toBe(true);
  });

  it('ends a placement once, not before its start nor in the future', async () => {
    const { service, addResident } = setup();
    const p = await service.create(officer(), work(addResident()));
    const end = (endDate: string) => service.end(officer(), p.id, { endDate, reason: ' 合同到期 ' });
    await expect(end(addDays(p.startDate, -1))).rejects.toMatchObject({ details: [{ field: 'endDate' }] });
    await expect(end(addDays(today, 1))).rejects.toEqual(
      new InvalidInputError('endDate', 'must not be in the future'),
    );
    expect(await end(today)).toMatchObject({ active: false, endDate: today, endReason: '合同到期' });
    await expect(end(today)).rejects.toMatchObject({ code: 'placement.already_ended' });
  });

  it('raises the at-risk alert when an end leaves the household with no one at work, and only then', async () => {
    const { service, addResident, raised, events } = setup();
    const [a, b] = [addResident(), addResident()];
    const pa = await service.create(officer(), work(a));
    const pb = await service.create(officer(), work(b));
    const first = await service.end(officer(), pa.id, { endDate: today, reason: '离职' });
    expect(first).toMatchObject({ householdZeroEmployment: false, atRiskNotified: 0 });
    expect(raised).toEqual([]);
    const last = await service.end(officer(), pb.id, { endDate: today, reason: '离职' });
    expect(last).toMatchObject({ householdZeroEmployment: true, atRiskNotified: 2 });
    expect(raised).toEqual([
      { householdId: 'hh-1', siteId: SITE.id, originRegionCode: '522601', placementId: pb.id },
    ]);
    expect(events.map((e) => e.kind)).toEqual(['placement.ended', 'placement.ended']);
  });

  it('keeps a resident with a second job at work when one of them ends', async () => {
    const { service, residents, addResident } = setup();
    const id = addResident();
    const one = await service.create(officer(), work(id));
    await service.create(officer(), work(id, { employerName: '镇上超市' }));
    await service.end(officer(), one.id, { endDate: today, reason: '换工作' });
    expect(residents.get(id)!.employed).toBe(true);
  });

  it('holds public-welfare posts to one per person, one per household and the age limit', async () => {
    const { service, addResident } = setup();
    const post = (id: string) =>
      service.create(officer(), work(id, { kind: 'public_welfare', employerName: '村委会' }));
    const [a, b] = [addResident(), addResident()];
    await post(a);
    await expect(post(a)).rejects.toMatchObject({ code: 'public_welfare.one_per_person' });
    await expect(post(b)).rejects.toMatchObject({ code: 'public_welfare.one_per_household' });
    const elsewhere = { id: 'hh-2', site: SITE, originRegionCode: '522601' };
    await expect(post(addResident(bornYearsAgo(61), elsewhere))).rejects.toMatchObject({
      code: 'public_welfare.age_limit',
    });
    await expect(post(addResident(null, elsewhere))).rejects.toBeInstanceOf(ConflictError);
    expect((await post(addResident(bornYearsAgo(59), elsewhere))).kind).toBe('public_welfare');
  });
});

describe('FollowUpsService, through a recorded follow-up', () => {
  it('closes the tasks due by the visit and up to two weeks after it, not later ones', async () => {
    const { service, tasks, addResident } = setup();
    const p = await service.create(officer(), work(addResident(), { startDate: addDays(today, -40) }));
    // The 1-month task came due ten days ago; the 3-month one is seven weeks away.
    tasks.tasks.push(
      { id: 't1', placementId: p.id, dueDate: addDays(today, -10), status: 'open' },
      { id: 't3', placementId: p.id, dueDate: addDays(today, 50), status: 'open' },
    );
    const early = await service.addFollowUp(officer(), p.id, {
      date: addDays(today, -30),
      stillEmployed: true,
    });
    expect(early.closedTaskIds).toEqual([]);
    // Exactly two weeks before the due date still counts for it.
    const visit = await service.addFollowUp(officer(), p.id, {
      date: addDays(today, -24),
      stillEmployed: true,
    });
    expect(visit.closedTaskIds).toEqual(['t1']);
    const next = await service.addFollowUp(officer(), p.id, {
      date: today,
      stillEmployed: true,
      monthlyIncome: 2600,
    });
    expect(next.closedTaskIds).toEqual([]);
    expect(tasks.tasks.map((t) => t.status)).toEqual(['done', 'open']);
  });

  it('refuses a follow-up before the start or in the future, and lists the visits in date order', async () => {
    const { service, addResident } = setup();
    const p = await service.create(officer(), work(addResident(), { startDate: addDays(today, -40) }));
    await expect(
      service.addFollowUp(officer(), p.id, { date: addDays(today, -41), stillEmployed: true }),
    ).rejects.toMatchObject({ details: [{ field: 'date' }] });
    await expect(
      service.addFollowUp(officer(), p.id, { date: addDays(today, 1), stillEmployed: true }),
    ).rejects.toEqual(new InvalidInputError('date', 'must not be in the future'));
    await service.addFollowUp(officer(), p.id, {
      date: addDays(today, -20),
      stillEmployed: true,
      note: ' 在岗 ',
    });
    const read = await service.get(officer(), p.id);
    expect(read.followUps).toEqual([
      expect.objectContaining({
        date: addDays(today, -20),
        stillEmployed: true,
        note: '在岗',
        closedTaskIds: [],
      }),
    ]);
  });
});
