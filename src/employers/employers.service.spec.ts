import { randomUUID } from 'node:crypto';
import type { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import type { UsersService } from '../access/users.service';
import type { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import type { RegionsService } from '../regions/regions.service';
import type { CreateEmployerDto } from './dto/employer.dto';
import type { Employer } from './employer.entity';
import { ReactsTo } from '../platform/queue/reactions';
import { EMPLOYER_RENAMED, type EmployerRenamedReaction } from './employer-renamed';
import type { EmployerListFilter, EmployersRepository, NewEmployer } from './employers.repository';
import { EmployersService } from './employers.service';
import { testUser as user } from '../access/testing/test-user';

/*
 * EmployersService over an in-memory repository (issue 14 item 4): what an employer and an
 * officer notice — one employer per account and per credit code, which edits cost the
 * verification, a refused employer back in the queue after a change, who may verify or refuse,
 * and that a rename reaches the postings. The SQL is proved by the employers e2e file.
 */

const M = {} as EntityManager;

/** The repository's methods over a map; a transaction is just the call. */
class FakeRepository {
  readonly rows = new Map<string, Employer>();
  lastFilter: EmployerListFilter | null = null;
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findById(id: string) {
    return Promise.resolve(this.copy(id));
  }
  lockById(_m: EntityManager, id: string) {
    return Promise.resolve(this.copy(id));
  }
  hasCreditCode(_m: EntityManager, creditCode: string) {
    return Promise.resolve([...this.rows.values()].some((e) => e.creditCode === creditCode));
  }
  hasOwner(_m: EntityManager, ownerUserId: string) {
    return Promise.resolve([...this.rows.values()].some((e) => e.ownerUserId === ownerUserId));
  }
  add(m: EntityManager, e: NewEmployer) {
    const row = {
      ...e,
      id: randomUUID(),
      rejectedAt: null,
      rejectedBy: null,
      rejectionReason: null,
    } as Employer;
    return this.save(m, row);
  }
  save(_m: EntityManager, e: Employer) {
    const saved = Object.assign(e, { createdAt: e.createdAt ?? new Date(), updatedAt: new Date() });
    this.rows.set(saved.id, { ...saved });
    return Promise.resolve(saved);
  }
  page(f: EmployerListFilter): Promise<[Employer[], number]> {
    this.lastFilter = f;
    const all = [...this.rows.values()];
    return Promise.resolve([all.slice(f.skip, f.skip + f.take), all.length]);
  }
  private copy(id: string): Employer | null {
    const e = this.rows.get(id);
    return e ? { ...e } : null;
  }
}

/** Stands for postings' re-tokenizing: found at start like any @ReactsTo provider. */
@ReactsTo(EMPLOYER_RENAMED)
class RenamesSeen implements EmployerRenamedReaction {
  readonly seen: { id: string; name: string }[] = [];
  employerRenamed(_m: EntityManager, id: string, name: string): Promise<void> {
    this.seen.push({ id, name });
    return Promise.resolve();
  }
}

function setup() {
  const repo = new FakeRepository();
  const reaction = new RenamesSeen();
  const discovery = {
    getProviders: () => [{ metatype: RenamesSeen, instance: reaction }],
  } as unknown as DiscoveryService;
  const linked: { userId: string; employerId: string }[] = [];
  const users = {
    linkEmployer: (_m: EntityManager, userId: string, employerId: string) => {
      linked.push({ userId, employerId });
      return Promise.resolve();
    },
  } as unknown as UsersService;
  const regions = { assertRegion: () => Promise.resolve() } as unknown as RegionsService;
  const audited: string[] = [];
  const audit = {
    record: (_a: AuthUser, r: { action: string }) => {
      audited.push(r.action);
      return Promise.resolve();
    },
  } as unknown as AuditService;
  const service = new EmployersService(
    repo as unknown as EmployersRepository,
    new ScopePolicy(),
    users,
    regions,
    audit,
    discovery,
  );
  service.onModuleInit();
  return { repo, service, renamed: reaction.seen, linked, audited };
}

const registration: CreateEmployerDto = {
  name: ' 恩施富硒茶业有限公司 ',
  creditCode: '91440300708461136t',
  kind: 'enterprise',
  industry: 'agriculture',
  regionCode: '422802101',
  address: ' 利川市文斗镇 ',
  latitude: 30.2,
  longitude: 108.9,
};

const officerOfArea = user('officer', { scope: { siteIds: [], regionCodes: ['422802'] } });
const officerElsewhere = user('officer', { scope: { siteIds: [], regionCodes: ['522601'] } });

/** A registered employer, verified by the area's officer, and its owner's account. */
async function verifiedEmployer() {
  const s = setup();
  const account = user('employer');
  const created = await s.service.create(account, registration);
  await s.service.verify(officerOfArea, created.id);
  return { ...s, owner: { ...account, employerId: created.id }, id: created.id };
}

describe('EmployersService', () => {
  it('registers an employer unverified, with a normalized credit code, linked to the account', async () => {
    const { service, linked, audited } = setup();
    const account = user('employer');
    const e = await service.create(account, registration);
    expect(e).toMatchObject({
      name: '恩施富硒茶业有限公司',
      creditCode: '91440300708461136T',
      address: '利川市文斗镇',
      verified: false,
      rejection: null,
    });
    expect(linked).toEqual([{ userId: account.id, employerId: e.id }]);
    expect(audited).toEqual(['employer.create']);
  });

  it('refuses a second employer for the same credit code or the same account, and a bad code', async () => {
    const { service } = setup();
    const account = user('employer');
    await service.create(account, registration);
    await expect(service.create(user('employer'), registration)).rejects.toMatchObject({
      code: 'employer.duplicate_credit_code',
    });
    await expect(
      service.create(account, { ...registration, creditCode: '914403001922038216' }),
    ).rejects.toMatchObject({ code: 'employer.account_has_employer' });
    await expect(
      service.create(user('employer'), { ...registration, creditCode: '91440300708461136U' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('lets only the owner, the area’s officers and admins read it; others get a 404', async () => {
    const { service, owner, id } = await verifiedEmployer();
    expect((await service.get(owner, id)).verified).toBe(true);
    expect((await service.get(officerOfArea, id)).id).toBe(id);
    await expect(service.get(officerElsewhere, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.get(user('employer', { employerId: 'other' }), id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps the verification for a new address, loses it for a new name, and tells the postings', async () => {
    const { service, owner, id, renamed } = await verifiedEmployer();
    const moved = await service.update(owner, id, { address: '利川市都亭街道', latitude: 30.3 });
    expect(moved).toMatchObject({ address: '利川市都亭街道', latitude: 30.3, verified: true });
    expect(renamed).toEqual([]);

    const renamedDto = await service.update(owner, id, { name: '利川富硒茶业有限公司' });
    expect(renamedDto.verified).toBe(false);
    expect(renamed).toEqual([{ id, name: '利川富硒茶业有限公司' }]);
  });

  it('refuses null fields and a credit code another employer holds', async () => {
    const { service, owner, id } = await verifiedEmployer();
    await service.create(user('employer'), { ...registration, creditCode: '914403001922038216' });
    await expect(service.update(owner, id, { name: null as never })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(service.update(owner, id, { creditCode: '914403001922038216' })).rejects.toEqual(
      new ConflictError('An employer with this credit code already exists', 'employer.duplicate_credit_code'),
    );
  });

  it('puts a refused employer back in the queue when it changes anything', async () => {
    const { service, owner, id } = await verifiedEmployer();
    await expect(service.reject(officerOfArea, id, { reason: '  ' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const refused = await service.reject(officerOfArea, id, { reason: '营业执照照片不清晰' });
    expect(refused).toMatchObject({ verified: false, rejection: { reason: '营业执照照片不清晰' } });
    expect((await service.get(owner, id)).rejection?.reason).toBe('营业执照照片不清晰');

    const changed = await service.update(owner, id, { address: '利川市文斗镇长坪村' });
    expect(changed).toMatchObject({ verified: false, rejection: null });
  });

  it('lets only officers of the area verify; verifying twice keeps the first verification', async () => {
    const s = setup();
    const e = await s.service.create(user('employer'), registration);
    await expect(s.service.verify(officerElsewhere, e.id)).rejects.toBeInstanceOf(NotFoundError);
    const first = await s.service.verify(officerOfArea, e.id);
    const again = await s.service.verify(user('admin'), e.id);
    expect(again.verifiedAt).toEqual(first.verifiedAt);
    expect(s.audited).toEqual(['employer.create', 'employer.verify']);
  });

  it('lists an officer’s area only, and nothing for an employer account', async () => {
    const { service, repo } = setup();
    await service.list(officerOfArea, { page: 2, pageSize: 10, verified: false });
    expect(repo.lastFilter).toEqual({ regionPrefixes: ['422802'], verified: false, skip: 10, take: 10 });
    await service.list(user('admin'), { page: 1, pageSize: 20 });
    expect(repo.lastFilter?.regionPrefixes).toBeNull();
    await service.list(user('employer'), { page: 1, pageSize: 20 });
    expect(repo.lastFilter?.regionPrefixes).toEqual([]);
  });
});
