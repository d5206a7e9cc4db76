import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { AccountScope, OfficersDirectory } from '../access/officers-directory';
import { ScopePolicy } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import type { OutboxService } from '../platform/database/outbox.service';
import type { RegionsService } from '../regions/regions.service';
import type { Site } from '../regions/site.entity';
import type { Import } from './import.entity';
import type { ImportsRepository, NewImport } from './imports.repository';
import { ImportsService } from './imports.service';

/*
 * ImportsService over an in-memory repository (issue 14 item 4): what an upload must carry, who
 * may start and read an import, how its progress reads, and whose scope the job runs under (the
 * uploader, only while they still manage the site). The SQL and the job are proved by the
 * imports e2e file.
 */

const M = {} as EntityManager;
const SITE = randomUUID();
const OTHER_SITE = randomUUID();
const SITES: Site[] = [
  { id: SITE, regionCode: '422802107', name: '易迁安置点' } as Site,
  { id: OTHER_SITE, regionCode: '422803100', name: '别处' } as Site,
];

function officer(over: Partial<AuthUser['scope']> = {}): AuthUser {
  return {
    id: randomUUID(),
    role: 'officer',
    name: '干部',
    scope: { siteIds: [SITE], regionCodes: [], ...over },
    residentId: null,
    employerId: null,
    sessionId: null,
    ip: '127.0.0.1',
    requestId: 'test',
  };
}

class FakeImports {
  readonly rows = new Map<string, Import>();
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  insert(_m: EntityManager, row: NewImport) {
    const imp = { ...row, id: randomUUID(), status: 'queued', createdAt: new Date() } as Import;
    this.rows.set(imp.id, imp);
    return Promise.resolve(imp);
  }
  findById(id: string) {
    return Promise.resolve(this.rows.get(id) ?? null);
  }
}

function setup(accounts: AccountScope[] = []) {
  const repo = new FakeImports();
  const officers = {
    activeAccount: (id: string) => Promise.resolve(accounts.find((a) => a.id === id) ?? null),
  } as unknown as OfficersDirectory;
  const regions = {
    findSite: (id: string) => Promise.resolve(SITES.find((s) => s.id === id) ?? null),
    findSites: (ids: string[]) => Promise.resolve(SITES.filter((s) => ids.includes(s.id))),
  } as unknown as RegionsService;
  const events: { kind: string; entityId: string }[] = [];
  const outbox = {
    add: (_m: EntityManager, e: { kind: string; entityId: string }) => {
      events.push(e);
      return Promise.resolve();
    },
  } as unknown as OutboxService;
  const audited: string[] = [];
  const audit = {
    record: (_a: AuthUser, e: { action: string }) => {
      audited.push(e.action);
      return Promise.resolve();
    },
  } as unknown as AuditService;
  const service = new ImportsService(
    repo as unknown as ImportsRepository,
    officers,
    new ScopePolicy(),
    audit,
    outbox,
    regions,
  );
  return { service, repo, events, audited };
}

const csv = (siteId: string | undefined = SITE) => ({
  siteId,
  fileName: '花名册.csv',
  mime: 'text/csv',
  content: Buffer.from('姓名,身份证号\n'),
});

describe('ImportsService', () => {
  describe('start', () => {
    it('stores the upload as queued and, in the same transaction, the event that runs it and the audit entry', async () => {
      const { service, repo, events, audited } = setup();
      const { id } = await service.start(officer(), csv());
      expect(repo.rows.get(id)).toMatchObject({ siteId: SITE, format: 'csv', status: 'queued' });
      expect(events).toEqual([expect.objectContaining({ kind: 'import.requested', entityId: id })]);
      expect(audited).toEqual(['import.create']);
    });

    it('refuses what is not a roster before looking at the site', async () => {
      const { service, repo } = setup();
      await expect(service.start(officer(), { ...csv(), siteId: undefined })).rejects.toThrow(
        InvalidInputError,
      );
      await expect(service.start(officer(), csv('not-a-uuid'))).rejects.toThrow(InvalidInputError);
      await expect(
        service.start(officer(), { ...csv(), fileName: 'a.xlsx', content: Buffer.from('not a zip') }),
      ).rejects.toThrow(InvalidInputError);
      expect(repo.rows.size).toBe(0);
    });

    it("answers 404 for a site outside the officer's scope, and stores nothing", async () => {
      const { service, repo } = setup();
      await expect(service.start(officer(), csv(OTHER_SITE))).rejects.toThrow(NotFoundError);
      await expect(service.start(officer(), csv(randomUUID()))).rejects.toThrow(NotFoundError);
      expect(repo.rows.size).toBe(0);
    });
  });

  describe('get', () => {
    it('shows the uploader their import with its progress, and hides it from another officer', async () => {
      const { service, repo } = setup();
      const me = officer();
      const { id } = await service.start(me, csv());
      Object.assign(repo.rows.get(id)!, { status: 'running', total: 8, processed: 3 });
      expect((await service.get(me, id)).progress).toBe(37);
      await expect(service.get(officer(), id)).rejects.toThrow(NotFoundError);
      expect((await service.get({ ...officer(), role: 'admin' }, id)).id).toBe(id);
      Object.assign(repo.rows.get(id)!, { status: 'done', total: 0, processed: 0 });
      expect((await service.get(me, id)).progress).toBe(100);
    });
  });

  describe('importingActor', () => {
    const account = (over: Partial<AccountScope> = {}): AccountScope => ({
      id: randomUUID(),
      role: 'officer',
      name: '干部',
      siteIds: [],
      regionCodes: [],
      ...over,
    });
    const upload = (createdBy: string) => ({ id: randomUUID(), siteId: SITE, createdBy }) as Import;

    it("acts as the uploader, with their sites' townships, while they manage the site", async () => {
      const u = account({ siteIds: [SITE, OTHER_SITE] });
      const { service } = setup([u]);
      const imp = upload(u.id);
      expect(await service.importingActor(imp)).toMatchObject({
        id: u.id,
        role: 'officer',
        scope: { siteIds: [SITE, OTHER_SITE], regionCodes: [], siteRegionCodes: ['422802107', '422803100'] },
        ip: 'worker',
        requestId: `import.${imp.id}`,
      });
    });

    it('also through a region that covers the site', async () => {
      const u = account({ regionCodes: ['4228'] });
      const { service } = setup([u]);
      expect((await service.importingActor(upload(u.id)))?.id).toBe(u.id);
    });

    it('is nobody once the uploader lost the site, or the account is gone or disabled', async () => {
      const moved = account({ siteIds: [OTHER_SITE] });
      const { service } = setup([moved]);
      expect(await service.importingActor(upload(moved.id))).toBeNull();
      // OfficersDirectory.activeAccount answers null for a disabled account as for a missing one.
      expect(await service.importingActor(upload(randomUUID()))).toBeNull();
    });
  });
});
