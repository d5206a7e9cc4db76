import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ScopePolicy } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import type { OutboxService } from '../platform/database/outbox.service';
import type { EmployerSummary, EmployersService } from '../employers/employers.service';
import type { RegionsService } from '../regions/regions.service';
import type { SkillsService } from '../skills/skills.service';
import type { CreatePostingDto } from './dto/posting.dto';
import { SkillTerms } from './posting-search-text';
import type { Posting } from './posting.entity';
import { PostingsDirectory } from './postings-directory';
import type { PostingsRepository } from './postings.repository';
import { PostingsService } from './postings.service';
import type { SkillTermsProvider } from './skill-terms.provider';
import { testUser as user } from '../access/testing/test-user';

/*
 * The postings services over an in-memory repository (issue 14 item 4): the rules an employer
 * and an officer see — what publishing needs, what an edit of a live posting announces, who may
 * offer a public-welfare post, when a hire fills a posting — without PostgreSQL. The SQL is
 * proved by the e2e files (postings, unlocated-postings, posting-search).
 */

const M = {} as EntityManager;

/** The repository's methods over a map; a transaction is just the call. */
class FakeRepository {
  readonly rows = new Map<string, Posting>();
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findById(id: string) {
    return Promise.resolve(this.copy(id));
  }
  lockById(_m: EntityManager, id: string) {
    return Promise.resolve(this.copy(id));
  }
  refOf(id: string) {
    return Promise.resolve(this.copy(id));
  }
  ofEmployer(_m: EntityManager, employerId: string) {
    return Promise.resolve([...this.rows.values()].filter((p) => p.employerId === employerId));
  }
  save(_m: EntityManager, p: Posting) {
    const saved = Object.assign(p, {
      id: p.id ?? randomUUID(),
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    this.rows.set(saved.id, { ...saved });
    return Promise.resolve(saved);
  }
  setTokens(_m: EntityManager, p: Pick<Posting, 'id' | 'searchTokens' | 'titleTokens'>) {
    Object.assign(this.rows.get(p.id)!, { searchTokens: p.searchTokens, titleTokens: p.titleTokens });
    return Promise.resolve();
  }
  setHireCount(_m: EntityManager, p: Pick<Posting, 'id' | 'hiredCount' | 'status' | 'closedAt' | 'version'>) {
    Object.assign(this.rows.get(p.id)!, p);
    return Promise.resolve();
  }
  private copy(id: string): Posting | null {
    const p = this.rows.get(id);
    return p ? { ...p } : null;
  }
}

function setup(employer: Partial<EmployerSummary> = {}) {
  const repo = new FakeRepository();
  const employerRow = {
    id: 'emp-1',
    name: '黔东南茶叶合作社',
    kind: 'local_enterprise',
    verified: true,
    regionCode: '522601101',
    address: '凯里市开发区',
    latitude: 26.57,
    longitude: 107.98,
    ownerUserId: 'owner-1',
    ...employer,
  } as EmployerSummary;
  const employers = {
    summary: (id: string) => Promise.resolve(id === employerRow.id ? employerRow : null),
  } as unknown as EmployersService;
  const skills = {
    all: () => Promise.resolve(new Map()),
    textsOf: () => Promise.resolve([]),
    requireCodes: () => Promise.resolve(),
  } as unknown as SkillsService;
  const regions = { assertRegion: () => Promise.resolve() } as unknown as RegionsService;
  const skillTerms = { terms: () => Promise.resolve(new SkillTerms([])) } as unknown as SkillTermsProvider;
  const announced: { entityId: string; version: number; payload: unknown }[] = [];
  const outbox = {
    add: (_m: EntityManager, e: { entityId: string; version: number; payload: unknown }) => {
      announced.push(e);
      return Promise.resolve();
    },
  } as unknown as OutboxService;
  const audit = { record: () => Promise.resolve() } as unknown as AuditService;
  const repository = repo as unknown as PostingsRepository;
  const service = new PostingsService(
    repository,
    new ScopePolicy(),
    employers,
    skills,
    regions,
    skillTerms,
    outbox,
    audit,
    loadConfig({}),
  );
  const directory = new PostingsDirectory(repository, outbox);
  return { repo, service, directory, announced, employerRow };
}

const owner = user('employer', { employerId: 'emp-1' });
const otherEmployer = user('employer', { employerId: 'emp-2' });

const draft: CreatePostingDto = {
  title: ' 采茶工 ',
  description: '春茶季采茶，包午饭',
  industry: 'agriculture',
  headcount: 2,
  wageMin: 120,
  wageMax: 150,
  wageUnit: 'day',
  schedule: 'full_time',
};

describe('PostingsService', () => {
  it('creates a draft at version 1, located (approximately) at the employer when not given', async () => {
    const { service } = setup();
    const p = await service.create(owner, draft);
    expect(p).toMatchObject({
      title: '采茶工',
      status: 'draft',
      version: 1,
      regionCode: '522601101',
      latitude: 26.57,
      locationApproximate: true,
      employerName: '黔东南茶叶合作社',
    });
  });

  it('refuses a posting before the employer is registered, and half a location', async () => {
    const { service } = setup();
    await expect(service.create(user('employer'), draft)).rejects.toMatchObject({ code: 'employer.missing' });
    await expect(service.create(owner, { ...draft, latitude: 26.6 })).rejects.toEqual(
      new InvalidInputError('longitude', 'latitude and longitude go together'),
    );
    await expect(service.create(owner, { ...draft, wageMax: 100 })).rejects.toMatchObject({
      details: [{ field: 'wageMax' }],
    });
  });

  it('lets only a public-welfare sponsor offer a public-welfare post', async () => {
    await expect(setup().service.create(owner, { ...draft, publicWelfare: true })).rejects.toMatchObject({
      details: [{ field: 'publicWelfare' }],
    });
    const sponsor = setup({ kind: 'public_welfare' });
    expect((await sponsor.service.create(owner, { ...draft, publicWelfare: true })).publicWelfare).toBe(true);
  });

  it('publishes only a draft of a verified employer whose expiry is ahead, announcing the new version', async () => {
    const unverified = setup({ verified: false });
    const p0 = await unverified.service.create(owner, draft);
    await expect(unverified.service.publish(owner, p0.id)).rejects.toMatchObject({
      code: 'employer.unverified',
    });
    expect(unverified.announced).toEqual([]);

    const { service, repo, announced } = setup();
    const p = await service.create(owner, draft);
    await expect(service.publish(otherEmployer, p.id)).rejects.toBeInstanceOf(NotFoundError);
    repo.rows.get(p.id)!.expiresAt = new Date(Date.now() - 60_000);
    await expect(service.publish(owner, p.id)).rejects.toMatchObject({ code: 'posting.expires_in_past' });
    repo.rows.get(p.id)!.expiresAt = null;
    expect(await service.publish(owner, p.id)).toEqual({ id: p.id, status: 'open', version: 2 });
    expect(announced).toEqual([
      expect.objectContaining({ entityId: p.id, version: 2, payload: { status: 'open' } }),
    ]);
    await expect(service.publish(owner, p.id)).rejects.toMatchObject({ code: 'posting.illegal_transition' });
  });

  it('makes a new version of a live posting only when a field that matters for matching changes', async () => {
    const { service, announced } = setup();
    const p = await service.create(owner, draft);
    await service.publish(owner, p.id);
    const retitled = await service.update(owner, p.id, { title: '采茶工（春茶）' });
    expect(retitled.version).toBe(2);
    const rewaged = await service.update(owner, p.id, { wageMin: 130 });
    expect(rewaged.version).toBe(3);
    expect(announced.map((e) => e.version)).toEqual([2, 3]);
    await expect(service.update(owner, p.id, { title: null } as never)).rejects.toEqual(
      new InvalidInputError('title', 'title must not be null'),
    );
  });

  it('refuses to edit or close an ended posting', async () => {
    const { service } = setup();
    const p = await service.create(owner, draft);
    await service.publish(owner, p.id);
    expect((await service.close(owner, p.id)).status).toBe('closed');
    await expect(service.update(owner, p.id, { headcount: 3 })).rejects.toMatchObject({
      code: 'posting.not_editable',
    });
    await expect(service.close(owner, p.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it('shows a draft to its employer only, an open posting to anyone', async () => {
    const { service } = setup();
    const p = await service.create(owner, draft);
    await expect(service.get(undefined, p.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await service.get(owner, p.id)).id).toBe(p.id);
    await service.publish(owner, p.id);
    expect((await service.get(undefined, p.id)).status).toBe('open');
  });
});

describe('PostingsDirectory.recordHire', () => {
  it('fills the posting at its headcount (a new version, announced) and then refuses another hire', async () => {
    const { service, directory, announced } = setup();
    const p = await service.create(owner, draft);
    await service.publish(owner, p.id);
    expect(await directory.recordHire(M, p.id)).toEqual({ status: 'open' });
    expect(await directory.recordHire(M, p.id)).toEqual({ status: 'filled' });
    expect(announced.at(-1)).toMatchObject({ entityId: p.id, version: 3, payload: { status: 'filled' } });
    await expect(directory.recordHire(M, p.id)).rejects.toMatchObject({ code: 'posting.not_open' });
    await expect(directory.recordHire(M, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('hands out what scope checks need, and nothing for an unknown id', async () => {
    const { service, directory } = setup();
    const p = await service.create(owner, draft);
    expect(await directory.postingRef(p.id)).toEqual({
      id: p.id,
      title: '采茶工',
      employerId: 'emp-1',
      regionCode: '522601101',
      status: 'draft',
    });
    expect(await directory.postingRef(randomUUID())).toBeNull();
  });
});
