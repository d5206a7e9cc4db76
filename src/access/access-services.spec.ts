import type { DiscoveryService } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError, UnauthorizedError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { AccountsDirectory } from './accounts-directory';
import type { AccountsRepository, NewAccountRow } from './accounts.repository';
import type { AuthSession } from './auth-session.entity';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { CODE_MAX_ATTEMPTS } from './one-time-codes';
import { PurgeExpiredSessionsJob } from './purge-expired-sessions.job';
import type { RateLimits } from './rate-limits';
import type { RefreshToken } from './refresh-token.entity';
import type { RegistrationCode } from './registration-code.entity';
import type { NewRegistrationCodeRow, RegistrationCodesRepository } from './registration-codes.repository';
import { RegistrationService } from './registration.service';
import type { LiveSessionRow, SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';
import { UsersService } from './users.service';

/*
 * The access services over in-memory repositories (issue 14 item 4): the rules of signing in,
 * refreshing, registering and managing accounts — a reused refresh token ends the sign-in, wrong
 * passwords are counted, a registration code dies after its tries, staff scopes name real sites —
 * without PostgreSQL. The SQL is proved by test/e2e (auth, registration, users, purge).
 */

const M = {} as EntityManager;
const SITE = { id: randomUUID(), regionCode: '522601101' };
const REGION = '522601';

class FakeAccounts {
  readonly rows = new Map<string, User>();
  readonly locks: string[] = [];
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findByPhoneHmac = (h: string) =>
    Promise.resolve([...this.rows.values()].find((u) => u.phoneHmac === h) ?? null);
  findById = (id: string) => Promise.resolve(this.rows.get(id) ?? null);
  lockById = (_m: EntityManager, id: string) => this.findById(id);
  activeIdsOfResidents = (ids: string[]) =>
    Promise.resolve(
      [...this.rows.values()].filter((u) => ids.includes(u.residentId!) && !u.disabledAt).map((u) => u.id),
    );
  phoneTaken = (_m: EntityManager, h: string) => this.findByPhoneHmac(h).then((u) => !!u);
  insert(_m: EntityManager, row: NewAccountRow) {
    const user = {
      ...row,
      id: randomUUID(),
      residentId: null,
      employerId: null,
      failedLogins: 0,
      lockedUntil: null,
      disabledAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    } as User;
    this.rows.set(user.id, user);
    return Promise.resolve(user);
  }
  save = (_m: EntityManager, user: User) => Promise.resolve(this.rows.set(user.id, user) && user);
  update(id: string, changes: Partial<User>) {
    Object.assign(this.rows.get(id)!, changes);
    return Promise.resolve();
  }
  countFailedLogin(id: string) {
    this.rows.get(id)!.failedLogins += 1;
    return Promise.resolve();
  }
  countAdmins = () => Promise.resolve([...this.rows.values()].filter((u) => u.role === 'admin').length);
  advisoryLock = (_m: EntityManager, key: string) => Promise.resolve(void this.locks.push(key));
  existingSiteIds = (_m: EntityManager, ids: string[]) =>
    Promise.resolve(ids.filter((id) => id === SITE.id).map((id) => ({ id })));
  existingRegionCodes = (_m: EntityManager, codes: string[]) =>
    Promise.resolve(codes.filter((c) => c === REGION).map((code) => ({ code })));
  namesOf = jest.fn((ids: string[]) =>
    Promise.resolve(
      ids.filter((id) => this.rows.has(id)).map((id) => ({ id, name: this.rows.get(id)!.name })),
    ),
  );
}

class FakeSessions {
  readonly sessions = new Map<string, AuthSession>();
  readonly tokens: RefreshToken[] = [];
  purged = 0;
  constructor(private readonly accounts: FakeAccounts) {}
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  open(_m: EntityManager, userId: string, expiresAt: Date) {
    const s = { id: randomUUID(), userId, expiresAt, revokedAt: null, revokedReason: null } as AuthSession;
    this.sessions.set(s.id, s);
    return Promise.resolve({ ...s });
  }
  revokeLive(id: string, reason: string) {
    const s = this.sessions.get(id);
    if (s && !s.revokedAt) Object.assign(s, { revokedAt: new Date(), revokedReason: reason });
    return Promise.resolve();
  }
  revoke(_m: EntityManager, id: string, reason: string) {
    Object.assign(this.sessions.get(id)!, { revokedAt: new Date(), revokedReason: reason });
    return Promise.resolve();
  }
  revokeAllOf(_m: EntityManager, userId: string) {
    for (const s of this.sessions.values()) if (s.userId === userId && !s.revokedAt) s.revokedAt = new Date();
    return Promise.resolve();
  }
  lockSession = (_m: EntityManager, id: string) =>
    Promise.resolve(this.sessions.has(id) ? { ...this.sessions.get(id)! } : null);
  lockToken = (_m: EntityManager, hash: string) =>
    Promise.resolve(this.tokens.find((t) => t.tokenHash === hash) ?? null);
  insertToken(_m: EntityManager, sessionId: string, tokenHash: string) {
    this.tokens.push({ id: randomUUID(), sessionId, tokenHash, usedAt: null } as RefreshToken);
    return Promise.resolve();
  }
  markTokenUsed(_m: EntityManager, id: string) {
    this.tokens.find((t) => t.id === id)!.usedAt = new Date();
    return Promise.resolve();
  }
  liveSessionUser(userId: string, sessionId: string): Promise<LiveSessionRow | undefined> {
    const u = this.accounts.rows.get(userId);
    const s = this.sessions.get(sessionId);
    if (!u || !s || s.userId !== userId || s.revokedAt || s.expiresAt <= new Date() || u.disabledAt)
      return Promise.resolve(undefined);
    const codes = u.scopeSiteIds.filter((id) => id === SITE.id).map(() => SITE.regionCode);
    return Promise.resolve({
      id: u.id,
      role: u.role,
      name: u.name,
      scope_site_ids: u.scopeSiteIds,
      scope_region_codes: u.scopeRegionCodes,
      resident_id: u.residentId,
      employer_id: u.employerId,
      site_region_codes: codes.length ? codes : null,
    });
  }
  purgeEnded = () => Promise.resolve(this.purged);
}

class FakeCodes {
  readonly rows: RegistrationCode[] = [];
  readonly expiredDeletes: string[] = [];
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  deleteExpired = (phoneHmac: string) => Promise.resolve(void this.expiredDeletes.push(phoneHmac));
  insert(row: NewRegistrationCodeRow) {
    this.rows.push({ ...row, id: randomUUID(), createdAt: new Date() });
    return Promise.resolve();
  }
  lock = (_m: EntityManager, ticketHash: string, phoneHmac: string) =>
    Promise.resolve(this.rows.find((r) => r.ticketHash === ticketHash && r.phoneHmac === phoneHmac) ?? null);
  countAttempt(_m: EntityManager, id: string) {
    this.rows.find((r) => r.id === id)!.attempts += 1;
    return Promise.resolve();
  }
  delete = (_m: EntityManager, id: string) => this.remove((r) => r.id === id);
  deleteAllOf = (_m: EntityManager, phoneHmac: string) => this.remove((r) => r.phoneHmac === phoneHmac);
  private remove(match: (r: RegistrationCode) => boolean) {
    for (let i = this.rows.length - 1; i >= 0; i--) if (match(this.rows[i])) this.rows.splice(i, 1);
    return Promise.resolve();
  }
}

function setUp() {
  const config = loadConfig({ LEYE_PII_KEYS: `a:${Buffer.alloc(32, 7).toString('base64')}` });
  const pii = new PiiCipher(config);
  const accounts = new FakeAccounts();
  const sessions = new FakeSessions(accounts);
  const codes = new FakeCodes();
  const audits: AuditRecord[] = [];
  const audit = {
    record: (_actor: AuthUser | null, r: AuditRecord) => Promise.resolve(void audits.push(r)),
  } as unknown as AuditService;
  const limits = new Proxy({}, { get: () => () => Promise.resolve(true) }) as unknown as RateLimits;
  const sms: { phone: string; text: string }[] = [];
  const sender = { send: (phone: string, text: string) => Promise.resolve(void sms.push({ phone, text })) };
  const jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } });
  const accountsRepo = accounts as unknown as AccountsRepository;
  const sessionsRepo = sessions as unknown as SessionsRepository;
  const users = new UsersService(accountsRepo, sessionsRepo, pii, audit, config);
  const auth = new AuthService(sessionsRepo, accountsRepo, jwt, users, limits, audit, config);
  const registration = new RegistrationService(
    codes as unknown as RegistrationCodesRepository,
    users,
    limits,
    {} as DiscoveryService,
    audit,
    pii,
    sender,
    config,
  );
  const account = (
    role: User['role'],
    phone: string,
    password = 'Secret-pass-1',
    scope = { siteIds: [SITE.id], regionCodes: [] },
  ) => users.insert(M, { phone, password, name: `${role} ${phone.slice(-4)}`, role, scope });
  return { config, pii, accounts, sessions, codes, audits, sms, users, auth, registration, account };
}

const actorOf = (u: User): AuthUser => ({
  id: u.id,
  role: u.role,
  name: u.name,
  scope: { siteIds: u.scopeSiteIds, regionCodes: u.scopeRegionCodes },
  residentId: null,
  employerId: null,
  sessionId: null,
  ip: '127.0.0.1',
  requestId: 'test',
});

describe('AuthService (signing in, refreshing, sessions)', () => {
  it('counts a wrong password on the account and clears the count at the next right one', async () => {
    const t = setUp();
    const officer = await t.account('officer', '13900000001');
    await expect(t.auth.loginWeb('13900000001', 'Wrong-pass-9', '1.2.3.4')).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(t.auth.loginWeb('13900000002', 'Secret-pass-1', '1.2.3.4')).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(t.accounts.rows.get(officer.id)!.failedLogins).toBe(1);
    const signedIn = await t.auth.loginWeb('13900000001', 'Secret-pass-1', '1.2.3.4');
    expect(signedIn).toMatchObject({ userId: officer.id, role: 'officer' });
    expect(t.accounts.rows.get(officer.id)!.failedLogins).toBe(0);
    expect(t.audits.map((a) => a.action)).toEqual(['auth.login']);
  });

  it('loads the caller behind a live session with its sites’ regions, and nobody after logout or deactivation', async () => {
    const t = setUp();
    const officer = await t.account('officer', '13900000001');
    const { sessionId } = await t.auth.loginWeb('13900000001', 'Secret-pass-1', 'ip');
    const me = await t.auth.loadAuthUser(officer.id, sessionId, 'ip', 'r1');
    expect(me).toMatchObject({
      id: officer.id,
      scope: { siteIds: [SITE.id], regionCodes: [], siteRegionCodes: [SITE.regionCode] },
      residentId: null,
      sessionId,
      requestId: 'r1',
    });
    await t.auth.revokeSession(sessionId);
    expect(t.sessions.sessions.get(sessionId)).toMatchObject({ revokedReason: 'logout' });
    await expect(t.auth.loadAuthUser(officer.id, sessionId, 'ip', 'r2')).resolves.toBeNull();

    const admin = await t.account('admin', '13900000009');
    const other = await t.auth.loginWeb('13900000001', 'Secret-pass-1', 'ip');
    await t.users.deactivate(actorOf(admin), officer.id);
    await expect(t.auth.loadAuthUser(officer.id, other.sessionId, 'ip', 'r3')).resolves.toBeNull();
  });

  it('rotates a refresh token once; a token presented twice ends the whole sign-in', async () => {
    const t = setUp();
    const officer = await t.account('officer', '13900000001');
    const first = await t.auth.login({ phone: '13900000001', password: 'Secret-pass-1' }, 'ip');
    const caller = await t.auth.authenticate(first.accessToken, 'ip', 'r1');
    expect(caller).toMatchObject({ id: officer.id, role: 'officer' });

    const second = await t.auth.refresh(first.refreshToken, 'ip');
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = t.auth.refresh(first.refreshToken, 'ip');
    await expect(reuse).rejects.toThrow(/reused/);
    expect(t.audits.at(-1)).toMatchObject({ action: 'auth.refresh_reuse', entityId: officer.id });
    expect([...t.sessions.sessions.values()][0]).toMatchObject({ revokedReason: 'refresh_reuse' });
    await expect(t.auth.refresh(second.refreshToken, 'ip')).rejects.toThrow('Session ended');
    await expect(t.auth.refresh('no-such-token', 'ip')).rejects.toThrow('Invalid refresh token');
  });

  it('refuses to refresh for a disabled account', async () => {
    const t = setUp();
    const officer = await t.account('officer', '13900000001');
    const pair = await t.auth.login({ phone: '13900000001', password: 'Secret-pass-1' }, 'ip');
    t.accounts.rows.get(officer.id)!.disabledAt = new Date();
    await expect(t.auth.refresh(pair.refreshToken, 'ip')).rejects.toThrow('Account disabled');
  });
});

describe('UsersService (accounts)', () => {
  it('refuses a taken phone; staff scopes must name existing sites and regions', async () => {
    const t = setUp();
    const admin = await t.account('admin', '13900000009');
    const dto = { phone: '13900000001', password: 'Secret-pass-1', name: '王', role: 'officer' as const };
    const bad = t.users.createStaff(actorOf(admin), {
      ...dto,
      scope: { siteIds: [randomUUID()], regionCodes: [] },
    });
    await expect(bad).rejects.toMatchObject({ details: [{ field: 'scope.siteIds' }] });
    const badRegion = t.users.createStaff(actorOf(admin), {
      ...dto,
      scope: { siteIds: [], regionCodes: ['9'] },
    });
    await expect(badRegion).rejects.toBeInstanceOf(InvalidInputError);
    const officer = await t.users.createStaff(actorOf(admin), {
      ...dto,
      scope: { siteIds: [SITE.id], regionCodes: [REGION] },
    });
    expect(officer).toMatchObject({ role: 'officer', scopeSiteIds: [SITE.id], scopeRegionCodes: [REGION] });
    expect(t.users.phoneOf(officer)).toBe('13900000001');
    expect(t.audits.at(-1)).toMatchObject({ action: 'user.create', entityId: officer.id });
    await expect(t.users.createStaff(actorOf(admin), dto)).rejects.toMatchObject({
      code: 'user.phone_taken',
    });
    await expect(t.users.findByPhone('13900000001')).resolves.toMatchObject({ id: officer.id });
  });

  it('deactivates staff only, never oneself, ending their sessions once', async () => {
    const t = setUp();
    const admin = await t.account('admin', '13900000009');
    const officer = await t.account('officer', '13900000001');
    const resident = await t.account('resident', '13900000002');
    await t.auth.loginWeb('13900000001', 'Secret-pass-1', 'ip');
    await expect(t.users.deactivate(actorOf(admin), admin.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(t.users.deactivate(actorOf(admin), resident.id)).rejects.toBeInstanceOf(NotFoundError);
    const done = await t.users.deactivate(actorOf(admin), officer.id);
    expect(done.disabledAt).toBeInstanceOf(Date);
    expect([...t.sessions.sessions.values()].every((s) => s.revokedAt)).toBe(true);
    const audited = t.audits.filter((a) => a.action === 'user.deactivate').length;
    await t.users.deactivate(actorOf(admin), officer.id);
    expect(t.audits.filter((a) => a.action === 'user.deactivate').length).toBe(audited);
  });

  it('creates the bootstrap admin once, under the advisory lock; erasure leaves no phone', async () => {
    const t = setUp();
    await t.users.ensureBootstrapAdmin();
    await t.users.ensureBootstrapAdmin();
    expect(t.accounts.locks).toEqual(['leye:bootstrap-admin', 'leye:bootstrap-admin']);
    const admins = [...t.accounts.rows.values()].filter((u) => u.role === 'admin');
    expect(admins).toHaveLength(1);
    await t.users.erase(M, admins[0].id);
    expect(t.accounts.rows.get(admins[0].id)).toMatchObject({
      name: '(已注销)',
      disabledAt: expect.any(Date),
    });
    expect(t.users.phoneOf(t.accounts.rows.get(admins[0].id)!)).toBe('');
    await expect(t.users.findByPhone(t.config.adminPhone)).resolves.toBeNull();
  });
});

describe('RegistrationService (an account after its phone’s code)', () => {
  const dto = { phone: '13900000005', password: 'Secret-pass-1', name: '李', role: 'employer' as const };
  const codeIn = (text: string) => /验证码 (\d{6})/.exec(text)![1];

  it('answers a taken phone like a new one, storing nothing and telling the owner', async () => {
    const t = setUp();
    await t.account('employer', dto.phone);
    const { ticket } = await t.registration.start(dto, 'ip');
    expect(ticket).toMatch(/^[\w-]{32}$/);
    expect(t.codes.rows).toEqual([]);
    expect(t.sms).toEqual([{ phone: dto.phone, text: expect.stringContaining('已经有账号') }]);
  });

  it('kills a code after its tries; the right code creates the account and ends every pending one', async () => {
    const t = setUp();
    const { ticket } = await t.registration.start(dto, 'ip');
    expect(t.codes.expiredDeletes).toEqual([t.users.phoneKey(dto.phone)]);
    const code = codeIn(t.sms[0].text);
    const wrong = code === '000000' ? '000001' : '000000';
    await expect(t.registration.verify(dto.phone, wrong, ticket, 'ip')).rejects.toMatchObject({
      details: [{ field: 'code' }],
    });
    expect(t.codes.rows[0].attempts).toBe(1);
    // Someone else's pending registration for the same phone, with its own ticket.
    const other = await t.registration.start(dto, 'ip');
    expect(t.codes.rows).toHaveLength(2);
    await expect(t.registration.verify(dto.phone, code, 'not-the-ticket', 'ip')).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const user = await t.registration.verify(dto.phone, code, ticket, 'ip');
    expect(user).toMatchObject({ role: 'employer', name: '李' });
    expect(t.codes.rows).toEqual([]);
    expect(t.audits.at(-1)).toMatchObject({ action: 'auth.register', entityId: user.id });
    await expect(
      t.registration.verify(dto.phone, codeIn(t.sms[1].text), other.ticket, 'ip'),
    ).rejects.toBeInstanceOf(InvalidInputError);

    const t2 = setUp();
    const again = await t2.registration.start(dto, 'ip');
    const good = codeIn(t2.sms[0].text);
    const bad = good === '000000' ? '000001' : '000000';
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i++)
      await expect(t2.registration.verify(dto.phone, bad, again.ticket, 'ip')).rejects.toThrow();
    expect(t2.codes.rows).toEqual([]);
    await expect(t2.registration.verify(dto.phone, good, again.ticket, 'ip')).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});

describe('PurgeExpiredSessionsJob and AccountsDirectory', () => {
  it('reports what the repository purged', async () => {
    const t = setUp();
    t.sessions.purged = 3;
    const job = new PurgeExpiredSessionsJob(t.sessions as unknown as SessionsRepository);
    await expect(job.process()).resolves.toEqual({ purged: 3 });
  });

  it('names accounts by id in one query, each id once, and none for no ids', async () => {
    const t = setUp();
    const a = await t.account('officer', '13900000001');
    const directory = new AccountsDirectory(t.accounts as unknown as AccountsRepository);
    await expect(directory.namesOf([])).resolves.toEqual(new Map());
    expect(t.accounts.namesOf).not.toHaveBeenCalled();
    const gone = randomUUID();
    const names = await directory.namesOf([a.id, gone, a.id]);
    expect(names).toEqual(new Map([[a.id, a.name]]));
    expect(t.accounts.namesOf).toHaveBeenCalledTimes(1);
    expect(t.accounts.namesOf).toHaveBeenCalledWith([a.id, gone]);
  });
});
