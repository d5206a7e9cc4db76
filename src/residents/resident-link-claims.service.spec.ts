import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AccountContact, AccountsDirectory } from '../access/accounts-directory';
import type { AuthUser } from '../access/auth-user';
import type { RateLimits } from '../access/rate-limits';
import { ScopePolicy } from '../access/scope/scope-policy';
import type { UsersService } from '../access/users.service';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { ConflictError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { SmsSender } from '../platform/sms/sms-sender';
import type { ResidentLinkClaim } from './resident-link-claim.entity';
import type {
  HouseholdPhone,
  LinkClaimRow,
  ResidentLinkClaimsRepository,
} from './resident-link-claims.repository';
import { ResidentLinkClaims } from './resident-link-claims.service';
import type { ResidentsDirectory } from './residents-directory';
import type { ResidentsRepository } from './residents.repository';

/*
 * The officer's list of link claims and the decision on one, over fake repositories (issue 14
 * item 4): the claims are paged from residents' own tables, the accounts' names and phones come
 * from access's AccountsDirectory by the page's account ids (one call), and whether that phone is
 * one of the household's from one roster query; joined in TypeScript. The SQL is proved by
 * test/e2e (residents, resident linking).
 */

const M = {} as EntityManager;
const SITE = { id: randomUUID(), regionCode: '522601101' };
const HOUSEHOLD = randomUUID();

const officer: AuthUser = {
  id: randomUUID(),
  role: 'officer',
  name: 'officer',
  scope: { siteIds: [SITE.id], regionCodes: [] },
  residentId: null,
  employerId: null,
  sessionId: null,
  ip: '127.0.0.1',
  requestId: 'test',
};

function setUp(claimCount: number) {
  const config = loadConfig({ LEYE_PII_KEYS: `a:${Buffer.alloc(32, 7).toString('base64')}` });
  const pii = new PiiCipher(config);
  const contacts = new Map<string, AccountContact>();
  const rows: LinkClaimRow[] = [];
  for (let i = 0; i < claimCount; i++) {
    const userId = randomUUID();
    const phone = `139000000${String(i).padStart(2, '0')}`;
    contacts.set(userId, {
      id: userId,
      name: `账号 ${i}`,
      phoneEncrypted: pii.encrypt(phone),
      phoneHmac: pii.hmac('phone', phone),
    });
    rows.push({
      id: randomUUID(),
      resident_id: randomUUID(),
      user_id: userId,
      resident_name: `居民 ${i}`,
      resident_status: i % 2 ? 'active' : 'pending',
      household_id: HOUSEHOLD,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, i)),
    });
  }
  // The household has the phone of claim 1's account.
  const householdPhones = new Set([`${HOUSEHOLD}:${pii.hmac('phone', '13900000001')}`]);
  const claims = {
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(M),
    page: jest.fn((_scope: unknown, limit: number, offset: number) =>
      Promise.resolve(rows.slice(offset, offset + limit)),
    ),
    householdPhones: jest.fn((pairs: HouseholdPhone[]) =>
      Promise.resolve(pairs.filter((p) => householdPhones.has(`${p.householdId}:${p.phoneHmac}`))),
    ),
    stored: new Map<string, ResidentLinkClaim>(),
    lock(_m: EntityManager, id: string) {
      return Promise.resolve(this.stored.get(id) ?? null);
    },
    delete(_m: EntityManager, id: string) {
      this.stored.delete(id);
      return Promise.resolve();
    },
    deleteAllOn(_m: EntityManager, residentId: string) {
      for (const [id, c] of this.stored) if (c.residentId === residentId) this.stored.delete(id);
      return Promise.resolve();
    },
  };
  const linked = new Set<string>();
  const accounts = {
    contactsOf: jest.fn((ids: readonly string[]) =>
      Promise.resolve(new Map(ids.filter((id) => contacts.has(id)).map((id) => [id, contacts.get(id)!]))),
    ),
    residentLinkOf: (_m: EntityManager, id: string) =>
      Promise.resolve(contacts.has(id) ? { id, residentId: null } : null),
    eitherLinked: (_m: EntityManager, residentId: string, userId: string) =>
      Promise.resolve(linked.has(residentId) || linked.has(userId)),
  };
  const residents = {
    residentRef: (id: string) =>
      Promise.resolve({ id, household: { id: HOUSEHOLD, site: SITE, originRegionCode: '522601' } }),
  } as unknown as ResidentsDirectory;
  const links: [string, string][] = [];
  const users = {
    linkResident: (_m: EntityManager, userId: string, residentId: string) =>
      Promise.resolve(void links.push([userId, residentId])),
  } as unknown as UsersService;
  const audits: AuditRecord[] = [];
  const audit = {
    record: (_a: AuthUser | null, r: AuditRecord) => Promise.resolve(void audits.push(r)),
  } as unknown as AuditService;
  const service = new ResidentLinkClaims(
    claims as unknown as ResidentLinkClaimsRepository,
    {} as ResidentsRepository,
    residents,
    new ScopePolicy(),
    users,
    accounts as unknown as AccountsDirectory,
    {} as RateLimits,
    audit,
    pii,
    {} as SmsSender,
    config,
  );
  return { service, rows, contacts, claims, accounts, linked, links, audits };
}

describe('ResidentLinkClaims (the officer’s list and decision)', () => {
  it('joins each claim with its account’s name, masked phone and household match, one query per owner', async () => {
    const t = setUp(3);
    const { claims, hasMore } = await t.service.list(officer);
    expect(hasMore).toBe(false);
    expect(claims).toEqual(
      t.rows.map((r, i) => ({
        id: r.id,
        residentId: r.resident_id,
        residentName: `居民 ${i}`,
        selfRegistered: i % 2 === 0,
        accountName: `账号 ${i}`,
        accountPhone: `139****000${i}`,
        accountPhoneInHousehold: i === 1,
        createdAt: r.created_at,
      })),
    );
    expect(t.accounts.contactsOf).toHaveBeenCalledTimes(1);
    expect(t.claims.householdPhones).toHaveBeenCalledTimes(1);
    expect(t.audits).toEqual([expect.objectContaining({ action: 'resident.link_claims.read' })]);
  });

  it('pages 50 at a time: the 51st row only says there is more, and is not asked about', async () => {
    const t = setUp(51);
    const first = await t.service.list(officer, 1);
    expect(first.claims).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(t.claims.page).toHaveBeenCalledWith(expect.anything(), 51, 0);
    expect(t.accounts.contactsOf.mock.calls[0][0]).toHaveLength(50);
    const second = await t.service.list(officer, 2);
    expect(second).toMatchObject({ hasMore: false, claims: [{ id: t.rows[50].id }] });
  });

  it('an empty page is empty and audits nothing', async () => {
    const t = setUp(0);
    await expect(t.service.list(officer)).resolves.toEqual({ claims: [], hasMore: false });
    expect(t.audits).toEqual([]);
  });

  it('rejects a claim whose account is gone; refuses a link when either side is linked already', async () => {
    const t = setUp(0);
    const resident = randomUUID();
    const gone = { id: randomUUID(), userId: randomUUID(), residentId: resident } as ResidentLinkClaim;
    t.claims.stored.set(gone.id, gone);
    await t.service.decide(officer, gone.id, true, true);
    expect(t.claims.stored.has(gone.id)).toBe(false);
    expect(t.audits.at(-1)).toMatchObject({ action: 'resident.link_reject', entityId: resident });

    const userId = randomUUID();
    t.contacts.set(userId, { id: userId, name: 'x', phoneEncrypted: '', phoneHmac: '' });
    const claim = { id: randomUUID(), userId, residentId: resident } as ResidentLinkClaim;
    t.claims.stored.set(claim.id, claim);
    t.linked.add(resident);
    await expect(t.service.decide(officer, claim.id, true, true)).rejects.toBeInstanceOf(ConflictError);
    t.linked.clear();
    await t.service.decide(officer, claim.id, true, true);
    expect(t.links).toEqual([[userId, resident]]);
    expect(t.audits.at(-1)).toMatchObject({ action: 'resident.link', details: { userId, proof: 'officer' } });
  });
});
