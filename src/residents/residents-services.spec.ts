import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AccountsDirectory } from '../access/accounts-directory';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type HouseholdRef } from '../access/scope/scope-policy';
import type { UsersService } from '../access/users.service';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { loadConfig } from '../platform/config/app-config';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { SkillsService } from '../skills/skills.service';
import type { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import type { HouseholdsService } from './households.service';
import { nationalIdColumns, phoneColumns } from './resident-pii';
import type { ResidentCertificate } from './resident-certificate.entity';
import { ERASED_NAME, ResidentPrivacyService } from './resident-privacy.service';
import type { ResidentSkill } from './resident-skill.entity';
import type { ResidentVersions } from './resident-versions';
import type { Resident } from './resident.entity';
import { ResidentsDirectory } from './residents-directory';
import type { ResidentsRepository } from './residents.repository';
import { ResidentsService } from './residents.service';
import { testUser as user } from '../access/testing/test-user';

/*
 * The residents services over an in-memory repository (issue 14 item 4: unit specs with fake
 * repositories): the rules a person sees — who gets a 404, what a resident may change, what a
 * confirmation and an erasure leave behind — without PostgreSQL. The SQL itself is proved by
 * the e2e files (residents, scope-agreement).
 */

const SITE_A = { id: 'site-a', regionCode: '422802107' };
const SITE_B = { id: 'site-b', regionCode: '522601101' };
// 42280219900101003 + check character '0' (national-id.spec.ts): born 1990-01-01, male (odd 17th digit).
const NATIONAL_ID = '422802199001010030';

const officerA = user('officer', { scope: { siteIds: [SITE_A.id], regionCodes: [] } });
const officerB = user('officer', { scope: { siteIds: [SITE_B.id], regionCodes: [] } });
/** Officer of the households' origin region (reads, does not manage). */
const originOfficer = user('officer', { scope: { siteIds: [], regionCodes: ['422802101'] } });
const admin = user('admin');

type Row = Resident & { skills: ResidentSkill[]; certificates: ResidentCertificate[] };

/** The repository's methods over maps; a transaction is just the call (no rollback needed here). */
class FakeRepository {
  readonly residents = new Map<string, Row>();
  readonly households = new Map<string, HouseholdRef>();
  readonly accounts = new Map<string, string[]>();
  readonly m = {} as EntityManager;

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(this.m);
  }
  householdIdOf = (id: string) => Promise.resolve(this.residents.get(id)?.householdId ?? null);
  find = (id: string) => Promise.resolve(this.residents.get(id) ?? null);
  lock = (_m: EntityManager, id: string) => this.find(id);
  lockOrFail(_m: EntityManager, id: string) {
    const r = this.residents.get(id);
    return r ? Promise.resolve(r) : Promise.reject(new Error(`no resident ${id}`));
  }
  insert(_m: EntityManager, fields: Partial<Resident>) {
    const r = {
      id: randomUUID(),
      version: 1,
      erasedAt: null,
      skills: [],
      certificates: [],
      ...fields,
    } as Row;
    this.residents.set(r.id, r);
    return Promise.resolve(r);
  }
  save(_m: EntityManager, r: Row) {
    this.residents.set(r.id, r);
    return Promise.resolve(r);
  }
  update(_m: EntityManager, id: string, changes: Partial<Resident>) {
    Object.assign(this.residents.get(id)!, changes);
    return Promise.resolve();
  }
  versionOf = (id: string) => Promise.resolve(this.residents.get(id)!.version);
  idByNationalIdHmac = (_m: EntityManager, hmac: string) =>
    Promise.resolve([...this.residents.values()].find((r) => r.nationalIdHmac === hmac)?.id ?? null);
  profile(id: string) {
    const r = this.residents.get(id)!;
    return Promise.resolve({ resident: r, skills: r.skills, certificates: r.certificates });
  }
  skillsOf = (_m: EntityManager, id: string) => Promise.resolve([...this.residents.get(id)!.skills]);
  insertSkills(_m: EntityManager, id: string, skills: { code: string; level: number }[], source: 'officer') {
    for (const s of skills) this.setSkill(id, s.code, s.level, source);
    return Promise.resolve();
  }
  deleteSkills(_m: EntityManager, id: string, codes: string[]) {
    const r = this.residents.get(id)!;
    r.skills = r.skills.filter((s) => !codes.includes(s.skillCode));
    return Promise.resolve();
  }
  upsertSkill(_m: EntityManager, id: string, code: string, level: number, source: 'self' | 'officer') {
    this.setSkill(id, code, level, source);
    return Promise.resolve();
  }
  grantTrainingSkill(_m: EntityManager, id: string, code: string, level: number) {
    this.setSkill(id, code, level, 'training');
    return Promise.resolve();
  }
  insertCertificates(_m: EntityManager, id: string, certs: { type: string; expiresAt?: string | null }[]) {
    const r = this.residents.get(id)!;
    r.certificates.push(
      ...certs.map((c) => ({ type: c.type, expiresAt: c.expiresAt ?? null }) as ResidentCertificate),
    );
    return Promise.resolve();
  }
  deleteCertificates(_m: EntityManager, id: string) {
    this.residents.get(id)!.certificates = [];
    return Promise.resolve();
  }
  memberCount = (_m: EntityManager, householdId: string) =>
    Promise.resolve([...this.residents.values()].filter((r) => r.householdId === householdId).length);
  deleteHousehold(_m: EntityManager, id: string) {
    this.households.delete(id);
    return Promise.resolve();
  }
  household = (id: string) => Promise.resolve({ id, ...this.households.get(id) });
  idsOfResident = (_m: EntityManager, id: string) => Promise.resolve(this.accounts.get(id) ?? []);

  private setSkill(id: string, code: string, level: number, source: ResidentSkill['source']) {
    const r = this.residents.get(id)!;
    r.skills = [
      ...r.skills.filter((s) => s.skillCode !== code),
      { residentId: id, skillCode: code, level, source, sourceRef: null } as ResidentSkill,
    ].sort((a, b) => a.skillCode.localeCompare(b.skillCode));
  }
}

function setUp() {
  const repo = new FakeRepository();
  const policy = new ScopePolicy();
  const pii = new PiiCipher(loadConfig({ LEYE_PII_KEYS: `a:${Buffer.alloc(32, 7).toString('base64')}` }));
  const audits: AuditRecord[] = [];
  const audit = {
    record: (_actor: AuthUser | null, r: AuditRecord) => Promise.resolve(void audits.push(r)),
    recordReads: () => Promise.resolve(),
  } as unknown as AuditService;
  const changed: string[] = [];
  const versions = {
    changed: (_m: EntityManager, id: string) => {
      changed.push(id);
      const r = repo.residents.get(id)!;
      r.version += 1;
      return Promise.resolve(r.version);
    },
    created: () => Promise.resolve(),
  } as unknown as ResidentVersions;
  const recomputed: string[] = [];
  let zeroEmploymentAfter = false;
  const households = {
    householdRef: (id: string) => Promise.resolve(repo.households.get(id) ?? null),
    // The same answers as HouseholdsService.requireManagedHousehold (400 unseen, 403 read-only).
    requireManagedHousehold: (_m: EntityManager, actor: AuthUser, id: string) => {
      const ref = repo.households.get(id);
      if (!ref || !policy.readsHousehold(actor, ref)) throw new InvalidInputError('householdId', 'unknown');
      if (!policy.managesHousehold(actor, ref)) throw new ForbiddenError('not managed');
      return Promise.resolve(ref);
    },
    recompute: (_m: EntityManager, id: string) => {
      recomputed.push(id);
      return Promise.resolve({
        before: { zeroEmployment: !zeroEmploymentAfter },
        after: { zeroEmployment: zeroEmploymentAfter },
      });
    },
    toDto: (h: { id: string }) => ({ id: h.id }),
  } as unknown as HouseholdsService;
  const skills = { requireCodes: () => Promise.resolve(new Map()) } as unknown as SkillsService;
  const erasedAccounts: string[] = [];
  const users = {
    erase: (_m: EntityManager, id: string) => Promise.resolve(void erasedAccounts.push(id)),
  } as unknown as UsersService;
  const r = repo as unknown as ResidentsRepository;
  const a = repo as unknown as AccountsDirectory; // access's accounts of a resident: the fake's map
  const directory = new ResidentsDirectory(r, households, versions);
  const officers = new ResidentsService(r, directory, policy, audit, pii, skills, households, versions);
  const privacyDeps = [r, directory, policy, audit, pii, users, households, versions, a] as const;
  const privacy = new ResidentPrivacyService(...privacyDeps);

  const household = (site = SITE_A) => {
    const id = randomUUID();
    repo.households.set(id, { id, originRegionCode: '422802101', site });
    return id;
  };
  const resident = (householdId: string, over: Partial<Row> = {}): Row => {
    const site = repo.households.get(householdId)!.site;
    const row = {
      id: randomUUID(),
      householdId,
      siteId: site.id,
      name: '张三',
      gender: 'male',
      birthDate: '1990-01-01',
      ...nationalIdColumns(pii, NATIONAL_ID),
      ...phoneColumns(pii, '13800138000'),
      laborCapacity: 'full',
      employmentStatus: 'unemployed',
      consentToShare: true,
      jobAlerts: true,
      status: 'active',
      version: 1,
      erasedAt: null,
      skills: [],
      certificates: [{ type: 'health', expiresAt: null } as ResidentCertificate],
      ...over,
    } as unknown as Row;
    repo.residents.set(row.id, row);
    return row;
  };
  const setZeroEmploymentAfter = (v: boolean) => (zeroEmploymentAfter = v);
  return {
    repo,
    pii,
    audits,
    changed,
    recomputed,
    erasedAccounts,
    directory,
    officers,
    privacy,
    household,
    resident,
    setZeroEmploymentAfter,
  };
}

describe('ResidentsService (officers and the resident)', () => {
  it('an officer outside the scope gets not-found; the site reads (audited), the origin region reads but may not change', async () => {
    const t = setUp();
    const r = t.resident(t.household());
    await expect(t.officers.get(officerB, r.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.officers.update(officerB, r.id, { name: '李四' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.officers.get(officerA, 'no-such-id')).rejects.toBeInstanceOf(NotFoundError);

    const seen = await t.officers.get(officerA, r.id);
    expect(seen).toMatchObject({ id: r.id, name: '张三', nationalIdMasked: r.nationalIdMasked });
    expect(seen.phoneMasked).not.toContain('13800138000');
    expect(t.audits.map((a) => a.action)).toEqual(['resident.read']);

    await expect(t.officers.get(originOfficer, r.id)).resolves.toMatchObject({ id: r.id });
    await expect(t.officers.update(originOfficer, r.id, { name: '李四' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(t.repo.residents.get(r.id)!.name).toBe('张三');
  });

  it('create refuses a birth date the national ID contradicts and a national ID already registered', async () => {
    const t = setUp();
    const h = t.household();
    const dto = {
      householdId: h,
      name: '王五',
      gender: 'male',
      birthDate: '1990-01-02',
      nationalId: NATIONAL_ID,
      laborCapacity: 'full',
      employmentStatus: 'unemployed',
      consentToShare: true,
    } as CreateResidentDto;
    await expect(t.officers.create(officerA, dto)).rejects.toMatchObject({
      details: [{ field: 'birthDate', message: 'does not match the birth date in nationalId' }],
    });
    t.resident(h);
    const duplicate = t.officers.create(officerA, { ...dto, birthDate: '1990-01-01' });
    await expect(duplicate).rejects.toBeInstanceOf(ConflictError);
    await expect(duplicate).rejects.toMatchObject({ code: 'resident.duplicate_national_id' });
    expect(t.repo.residents.size).toBe(1);
  });

  it('a resident changes only their own editable fields, and cannot lower skills an officer established', async () => {
    const t = setUp();
    const r = t.resident(t.household(), {
      skills: [{ skillCode: 'tea.picking', level: 3, source: 'officer', sourceRef: null } as ResidentSkill],
    });
    const self = user('resident', { residentId: r.id });
    await expect(t.officers.update(self, r.id, { name: '李四' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.officers.get(user('resident', { residentId: 'other' }), r.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const after = await t.officers.update(self, r.id, {
      phone: '13900139000',
      skills: [
        { code: 'tea.picking', level: 1 },
        { code: 'weaving', level: 2 },
      ],
    });
    expect(t.pii.decrypt(t.repo.residents.get(r.id)!.phoneEncrypted!)).toBe('13900139000');
    expect(after.skills).toEqual([
      { code: 'tea.picking', level: 3, source: 'officer', sourceRef: null },
      { code: 'weaving', level: 2, source: 'self', sourceRef: null },
    ]);
    // The resident's own change is not recorded as an officer acting on their behalf.
    expect(t.audits.at(-1)).toMatchObject({ action: 'resident.update', onBehalfOfResidentId: null });
    // A required field sent as null is a 400 naming it.
    await expect(
      t.officers.update(officerA, r.id, { laborCapacity: null } as unknown as UpdateResidentDto),
    ).rejects.toMatchObject({ details: [{ field: 'laborCapacity', message: 'must not be null' }] });
  });

  it('confirmation: pending → active with the ID card’s facts; not twice; an ID is required when none was given', async () => {
    const t = setUp();
    const registeredIn = t.household();
    const pending = t.resident(registeredIn, {
      status: 'pending',
      nationalIdEncrypted: null,
      nationalIdHmac: null,
      nationalIdMasked: null,
      gender: null,
      birthDate: null,
    });
    await expect(t.officers.confirm(officerA, pending.id, {})).rejects.toMatchObject({
      details: [{ field: 'nationalId', message: 'is required to confirm a resident registered without one' }],
    });
    await expect(
      t.officers.confirm(officerB, pending.id, { nationalId: NATIONAL_ID }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      t.officers.confirm(originOfficer, pending.id, { nationalId: NATIONAL_ID }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const family = t.household();
    const confirmed = await t.officers.confirm(officerA, pending.id, {
      nationalId: NATIONAL_ID,
      householdId: family,
    });
    expect(confirmed).toMatchObject({
      status: 'active',
      householdId: family,
      birthDate: '1990-01-01',
      gender: 'male',
    });
    expect(confirmed.nationalIdMasked).not.toBe(NATIONAL_ID);
    // The household made at registration had no one else: it goes.
    expect(t.repo.households.has(registeredIn)).toBe(false);
    expect(t.changed).toEqual([pending.id]);
    expect(t.audits.at(-1)).toMatchObject({ action: 'resident.confirm', onBehalfOfResidentId: pending.id });

    const again = t.officers.confirm(officerA, pending.id, {});
    await expect(again).rejects.toMatchObject({ code: 'resident.not_pending' });
  });
});

describe('ResidentPrivacyService (the resident’s own data)', () => {
  it('erasure removes the personal fields, the certificates and the accounts; the row stays; a second call changes nothing', async () => {
    const t = setUp();
    const r = t.resident(t.household());
    t.repo.accounts.set(r.id, ['account-1']);
    const self = user('resident', { residentId: r.id });

    await expect(t.privacy.erasePersonalData(officerA, r.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      t.privacy.erasePersonalData(user('resident', { residentId: 'x' }), r.id),
    ).rejects.toBeInstanceOf(NotFoundError);

    const { erasedAt } = await t.privacy.erasePersonalData(self, r.id);
    expect(t.repo.residents.get(r.id)).toMatchObject({
      name: ERASED_NAME,
      nationalIdEncrypted: null,
      nationalIdHmac: null,
      nationalIdMasked: null,
      phoneEncrypted: null,
      phoneHmac: null,
      consentToShare: false,
      jobAlerts: false,
      erasedAt,
      certificates: [],
    });
    expect(t.erasedAccounts).toEqual(['account-1']);
    expect(t.audits.at(-1)).toMatchObject({ action: 'resident.erase', onBehalfOfResidentId: null });
    expect(await t.privacy.erasePersonalData(admin, r.id)).toEqual({ id: r.id, erasedAt });
    expect(t.erasedAccounts).toEqual(['account-1']);
    // Other modules no longer reach the person.
    expect(await t.directory.summaryFor(r.id)).toMatchObject({ consentToShare: false, jobAlerts: false });
    // Their own profile reads as erased, and they may not change it any more.
    await expect(t.officers.update(officerA, r.id, { name: '张三' })).rejects.toMatchObject({
      code: 'resident.erased',
    });
  });

  it('export gives the resident their phone in clear, never the national ID, and only to themselves', async () => {
    const t = setUp();
    const r = t.resident(t.household());
    await expect(t.privacy.exportOwnData(officerA)).rejects.toBeInstanceOf(NotFoundError);
    const copy = await t.privacy.exportOwnData(user('resident', { residentId: r.id }));
    expect(copy).toMatchObject({ id: r.id, phone: '13800138000', household: { id: r.householdId } });
    expect(JSON.stringify(copy)).not.toContain(NATIONAL_ID);
    expect(t.audits.map((a) => a.action)).toEqual(['resident.export']);
  });
});

describe('ResidentsDirectory (what other features ask)', () => {
  it('employment changes report the household’s zero-employment turn; an unknown resident is not found', async () => {
    const t = setUp();
    const r = t.resident(t.household());
    await expect(t.directory.setEmployment(t.repo.m, 'nobody', true)).rejects.toBeInstanceOf(NotFoundError);
    t.setZeroEmploymentAfter(false);
    expect(await t.directory.setEmployment(t.repo.m, r.id, true)).toEqual({
      householdId: r.householdId,
      zeroEmploymentBefore: true,
      zeroEmploymentAfter: false,
    });
    expect(t.repo.residents.get(r.id)!.employmentStatus).toBe('employed');
    expect(t.recomputed).toEqual([r.householdId]);
    expect(await t.directory.versionOf(r.id)).toBe(2);
  });

  it('a course with no skills bumps nothing; a resident’s scope shape names their household and site', async () => {
    const t = setUp();
    const h = t.household();
    const r = t.resident(h);
    await t.directory.grantSkillsFromCourse(t.repo.m, r.id, [], 'course');
    expect(t.changed).toEqual([]);
    await t.directory.grantSkillsFromCourse(t.repo.m, r.id, [{ code: 'weaving', level: 2 }], 'course');
    expect(t.changed).toEqual([r.id]);
    expect(await t.directory.residentRef(r.id)).toEqual({
      id: r.id,
      household: { id: h, originRegionCode: '422802101', site: SITE_A },
    });
    expect(await t.directory.residentRef('nobody')).toBeNull();
  });
});
