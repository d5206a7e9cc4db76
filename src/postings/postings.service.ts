import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type PostingRef } from '../access/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { ReactsTo } from '../common/reactions';
import { page, type Page } from '../common/pagination';
import { OutboxService } from '../database/outbox.service';
import { EMPLOYER_RENAMED, type EmployerRenamedReaction } from '../employers/employer-renamed';
import { EmployersService } from '../employers/employers.service';
import { RegionsService } from '../regions/regions.service';
import { SkillsService } from '../skills/skills.service';
import type {
  CreatePostingDto,
  PostingDto,
  PostingListQuery,
  PostingSkillViewDto,
  PostingStatusDto,
  UpdatePostingDto,
} from './dto/posting.dto';
import type { PostingStatus } from './posting-enums';
import { canTransition, isEditable } from './posting-lifecycle';
import { postingTokens } from './posting-search-text';
import { Posting, type PostingSkill } from './posting.entity';
import { SkillTermsProvider } from './skill-terms.provider';
import { AppConfig } from '../config/app-config';
import type { WageFactors } from '../matching/engine';
import { loadMatchingConfig } from '../matching/matching-config';
import { monthlyWageRange } from './posting-wage';

/** Fields whose change alters who fits the posting: an edit of one of them while open is a new version. */
const MATCHING_FIELDS = [
  'industry',
  'skills',
  'certificates',
  'headcount',
  'wageMin',
  'wageMax',
  'wageUnit',
  'schedule',
  'regionCode',
  'address',
  'latitude',
  'longitude',
  'locationApproximate',
  'accommodation',
  'meals',
  'shuttle',
  'publicWelfare',
  'ageMin',
  'ageMax',
  'startDate',
  'shiftStart',
  'shiftEnd',
  'expiresAt',
] as const satisfies readonly (keyof Posting)[];

/** Fields a PATCH may set to null; every other field must have a value. */
const NULLABLE_FIELDS = new Set(['ageMin', 'ageMax', 'startDate', 'shiftStart', 'shiftEnd', 'expiresAt']);

const TEXT_FIELDS = ['title', 'description', 'skills'] as const;

/** A posting as the applications and placements modules see it (PostingsService.hiringTerms). */
export type PostingHiringTerms = PostingRef &
  Pick<
    Posting,
    'id' | 'title' | 'publicWelfare' | 'ageMin' | 'ageMax' | 'startDate' | 'wageMin' | 'wageMax' | 'wageUnit'
  >;

export interface PostingHeadline {
  title: string;
  publicWelfare: boolean;
}

@Injectable()
@ReactsTo(EMPLOYER_RENAMED)
export class PostingsService implements EmployerRenamedReaction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ScopePolicy,
    private readonly employers: EmployersService,
    private readonly skills: SkillsService,
    private readonly regions: RegionsService,
    private readonly skillTerms: SkillTermsProvider,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.wageFactors = loadMatchingConfig(config).wage;
  }

  /** The engine's day/hour → month factors, for the 「约每月 X 元」 of day and hour wages. */
  private readonly wageFactors: WageFactors;

  /** The employer's name is part of every one of its postings' search tokens (EMPLOYER_RENAMED). */
  async employerRenamed(m: EntityManager, employerId: string, employerName: string): Promise<void> {
    const postings = await m.find(Posting, { where: { employerId } });
    for (const p of postings) {
      await this.computeTokens(p, employerName);
      await m.update(Posting, { id: p.id }, { searchTokens: p.searchTokens, titleTokens: p.titleTokens });
    }
  }

  // ---- for other modules (applications, matching, placements) ------------------------------

  /** What ScopePolicy needs about a posting, plus its title; null when there is none. */
  async postingRef(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(PostingRef & { id: string; title: string }) | null> {
    const p = await manager.findOne(Posting, {
      where: { id },
      select: { id: true, title: true, employerId: true, regionCode: true, status: true },
    });
    return p
      ? { id: p.id, title: p.title, employerId: p.employerId, regionCode: p.regionCode, status: p.status }
      : null;
  }

  /**
   * What applying and hiring need about a posting (applications, placements): its scope shape,
   * title, public-welfare flag and age range, start date and wage. Null when there is none.
   */
  async hiringTerms(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PostingHiringTerms | null> {
    const p = await manager.findOne(Posting, {
      where: { id },
      select: {
        id: true,
        title: true,
        employerId: true,
        regionCode: true,
        status: true,
        publicWelfare: true,
        ageMin: true,
        ageMax: true,
        startDate: true,
        wageMin: true,
        wageMax: true,
        wageUnit: true,
      },
    });
    if (!p) return null;
    return {
      id: p.id,
      title: p.title,
      employerId: p.employerId,
      regionCode: p.regionCode,
      status: p.status,
      publicWelfare: p.publicWelfare,
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      startDate: p.startDate,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      wageUnit: p.wageUnit,
    };
  }

  /** Title and public-welfare flag by posting id, for lists of applications. */
  async headlinesOf(ids: string[]): Promise<Map<string, PostingHeadline>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.dataSource.manager.find(Posting, {
      where: { id: In(unique) },
      select: { id: true, title: true, publicWelfare: true },
    });
    return new Map(rows.map((p) => [p.id, { title: p.title, publicWelfare: p.publicWelfare }]));
  }

  /** For another module's ORDER BY: whether the posting in `postingIdColumn` is a public-welfare post. */
  publicWelfareSql(postingIdColumn: string): string {
    return `(SELECT pw.public_welfare FROM posting pw WHERE pw.id = ${postingIdColumn})`;
  }

  /**
   * Counts a hire in the caller's transaction; the hire that reaches the headcount fills the
   * posting (a new version, announced through the outbox). 409 unless the posting is open.
   */
  async recordHire(manager: EntityManager, postingId: string): Promise<{ status: string }> {
    const p = await manager.findOne(Posting, {
      where: { id: postingId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!p) throw new NotFoundError('Posting');
    if (p.status !== 'open')
      throw new ConflictError(`The posting is ${p.status}, not open`, 'posting.not_open');
    p.hiredCount += 1;
    if (p.hiredCount >= p.headcount) {
      p.status = 'filled';
      p.closedAt = new Date();
      p.version += 1;
    }
    await manager.update(
      Posting,
      { id: p.id },
      { hiredCount: p.hiredCount, status: p.status, closedAt: p.closedAt, version: p.version },
    );
    if (p.status === 'filled') await this.announce(manager, p);
    return { status: p.status };
  }

  /** Expires open postings whose expiresAt has passed (the daily job); returns how many. */
  async expireDue(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        const rows: { id: string; version: number }[] = await m.query(
          // A top-level SELECT, so the driver returns plain rows (an UPDATE … RETURNING comes back as [rows, count]).
          `WITH due AS (
             SELECT id FROM posting WHERE status = 'open' AND expires_at <= now()
              ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED),
           expired AS (
             UPDATE posting p SET status = 'expired', version = p.version + 1, closed_at = now(), updated_at = now()
               FROM due WHERE p.id = due.id
             RETURNING p.id, p.version)
           SELECT id, version FROM expired`,
          [batchSize],
        );
        for (const r of rows) {
          await this.outbox.add(m, {
            kind: 'posting.changed',
            entityId: r.id,
            version: r.version,
            payload: { status: 'expired' },
          });
        }
        if (rows.length) {
          await this.audit.record(
            null,
            {
              action: 'posting.expire',
              entityType: 'posting',
              details: { postingIds: rows.map((r) => r.id) },
            },
            m,
          );
        }
        return rows.length;
      });
      total += n;
      if (n < batchSize) return total;
    }
  }

  // ---- API ----------------------------------------------------------------------------------

  async create(actor: AuthUser, dto: CreatePostingDto): Promise<PostingDto> {
    if (!actor.employerId) {
      throw new ConflictError('Register your employer (POST /employers) first', 'employer.missing');
    }
    const employer = await this.employers.summary(actor.employerId);
    if (!employer)
      throw new ConflictError('Register your employer (POST /employers) first', 'employer.missing');
    const p = Object.assign(new Posting(), {
      employerId: employer.id,
      title: dto.title.trim(),
      description: dto.description.trim(),
      industry: dto.industry,
      skills: (dto.skills ?? []).map((s) => ({
        code: s.code,
        minLevel: s.minLevel,
        required: s.required ?? true,
      })),
      certificates: [...new Set(dto.certificates ?? [])],
      headcount: dto.headcount,
      hiredCount: 0,
      wageMin: dto.wageMin,
      wageMax: dto.wageMax,
      wageUnit: dto.wageUnit,
      schedule: dto.schedule,
      regionCode: dto.regionCode ?? employer.regionCode,
      address: dto.address?.trim() ?? employer.address,
      // Not located: the employer's location stands in, marked approximate (never an exact 0 km).
      latitude: dto.latitude ?? employer.latitude,
      longitude: dto.longitude ?? employer.longitude,
      locationApproximate: dto.latitude === undefined,
      accommodation: dto.accommodation ?? false,
      meals: dto.meals ?? false,
      shuttle: dto.shuttle ?? false,
      publicWelfare: dto.publicWelfare ?? false,
      ageMin: dto.ageMin ?? null,
      ageMax: dto.ageMax ?? null,
      startDate: dto.startDate ?? null,
      shiftStart: dto.shiftStart ?? null,
      shiftEnd: dto.shiftEnd ?? null,
      expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
      status: 'draft',
      version: 1,
      publishedAt: null,
      closedAt: null,
    });
    assertMayOfferPublicWelfare(actor, employer, p, false);
    assertBothCoordinates(dto);
    await this.validate(p, new Set(Object.keys(dto)));
    await this.computeTokens(p, employer.name);
    return this.dataSource.transaction(async (m) => {
      const saved = await m.save(p);
      await this.audit.record(
        actor,
        { action: 'posting.create', entityType: 'posting', entityId: saved.id },
        m,
      );
      return this.view(saved, employer.name);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdatePostingDto): Promise<PostingDto> {
    const given = Object.entries(dto).filter(([, v]) => v !== undefined) as [
      keyof UpdatePostingDto,
      unknown,
    ][];
    for (const [k, v] of given) {
      if (v === null && !NULLABLE_FIELDS.has(k)) throw new InvalidInputError(k, `${k} must not be null`);
    }
    return this.dataSource.transaction(async (m) => {
      const p = await this.lockManaged(m, actor, id);
      if (!isEditable(p.status)) {
        throw new ConflictError(`A ${p.status} posting can no longer be edited`, 'posting.not_editable');
      }
      const before = snapshot(p);
      if (dto.publicWelfare === true && !p.publicWelfare) {
        const employer = await this.employers.summary(p.employerId, m);
        assertMayOfferPublicWelfare(actor, employer, { ...p, publicWelfare: true }, p.publicWelfare);
      }
      const { skills, certificates, expiresAt, title, description, address, ...plain } = dto;
      Object.assign(p, Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)));
      if (skills) {
        p.skills = skills.map((s) => ({ code: s.code, minLevel: s.minLevel, required: s.required ?? true }));
      }
      if (certificates) p.certificates = [...new Set(certificates)];
      if (expiresAt !== undefined) p.expiresAt = expiresAt === null ? null : new Date(expiresAt);
      if (title !== undefined) p.title = title.trim();
      if (description !== undefined) p.description = description.trim();
      if (address !== undefined) p.address = address.trim();
      assertBothCoordinates(dto);
      if (dto.latitude !== undefined) p.locationApproximate = false;
      await this.validate(p, new Set(given.map(([k]) => k)));
      const changed = (Object.keys(before) as (keyof typeof before)[]).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(snapshot(p)[k]),
      );
      if (!changed.length) return this.view(p, await this.employerName(p.employerId));
      const employerName = await this.employerName(p.employerId);
      if (changed.some((k) => (TEXT_FIELDS as readonly string[]).includes(k)))
        await this.computeTokens(p, employerName);
      const newVersion =
        p.status === 'open' && changed.some((k) => (MATCHING_FIELDS as readonly string[]).includes(k));
      if (newVersion) p.version += 1;
      const saved = await m.save(p);
      if (newVersion) await this.announce(m, saved);
      await this.audit.record(
        actor,
        { action: 'posting.update', entityType: 'posting', entityId: id, details: { fields: changed } },
        m,
      );
      return this.view(saved, employerName);
    });
  }

  async publish(actor: AuthUser, id: string): Promise<PostingStatusDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.lockManaged(m, actor, id);
      this.assertTransition(p, 'open');
      const employer = await this.employers.summary(p.employerId, m);
      if (!employer?.verified) {
        throw new ConflictError('The employer must be verified by an officer first', 'employer.unverified');
      }
      if (p.expiresAt && p.expiresAt.getTime() <= Date.now()) {
        throw new ConflictError(
          'expiresAt has passed; set a new one before publishing',
          'posting.expires_in_past',
        );
      }
      p.status = 'open';
      p.publishedAt = new Date();
      return this.changeStatus(m, actor, p, 'posting.publish');
    });
  }

  async close(actor: AuthUser, id: string): Promise<PostingStatusDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.lockManaged(m, actor, id);
      this.assertTransition(p, 'closed');
      p.status = 'closed';
      p.closedAt = new Date();
      return this.changeStatus(m, actor, p, 'posting.close');
    });
  }

  /** Anyone reads an open posting; drafts and ended ones only the employer, officers in area, admins. */
  async get(actor: AuthUser | undefined, id: string): Promise<PostingDto> {
    const p = await this.dataSource.manager.findOne(Posting, { where: { id } });
    this.policy.require(!!p && this.policy.readsPosting(actor, p), 'Posting');
    return this.view(p!, await this.employerName(p!.employerId));
  }

  /** The signed-in employer's own postings, drafts included. */
  async listMine(actor: AuthUser, q: PostingListQuery): Promise<Page<PostingDto>> {
    if (!actor.employerId) return page([], 0, q);
    return this.listByEmployer(actor.employerId, q);
  }

  /** An employer's postings for its owner, officers of its area and admins. */
  async listOfEmployer(actor: AuthUser, employerId: string, q: PostingListQuery): Promise<Page<PostingDto>> {
    const e = await this.employers.summary(employerId);
    this.policy.require(!!e && this.policy.readsEmployer(actor, e), 'Employer');
    return this.listByEmployer(employerId, q);
  }

  // ---- internals ----------------------------------------------------------------------------

  private async listByEmployer(employerId: string, q: PostingListQuery): Promise<Page<PostingDto>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Posting, {
      where: { employerId, ...(q.status ? { status: q.status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const name = await this.employerName(employerId);
    const skills = await this.skills.all();
    return page(
      rows.map((r) => this.toDto(r, name, skills)),
      total,
      q,
    );
  }

  private async lockManaged(m: EntityManager, actor: AuthUser, id: string): Promise<Posting> {
    const p = await m.findOne(Posting, { where: { id }, lock: { mode: 'pessimistic_write' } });
    this.policy.require(!!p && this.policy.managesPosting(actor, p), 'Posting');
    return p!;
  }

  private assertTransition(p: Posting, to: PostingStatus): void {
    if (!canTransition(p.status, to)) {
      throw new ConflictError(`A ${p.status} posting cannot become ${to}`, 'posting.illegal_transition');
    }
  }

  private async changeStatus(
    m: EntityManager,
    actor: AuthUser,
    p: Posting,
    action: string,
  ): Promise<PostingStatusDto> {
    p.version += 1;
    const saved = await m.save(p);
    await this.announce(m, saved);
    await this.audit.record(
      actor,
      { action, entityType: 'posting', entityId: p.id, details: { status: p.status, version: p.version } },
      m,
    );
    return { id: saved.id, status: saved.status, version: saved.version };
  }

  /** The outbox row that makes the matching worker re-rank this version (same transaction). */
  private announce(m: EntityManager, p: Pick<Posting, 'id' | 'version' | 'status'>): Promise<void> {
    return this.outbox.add(m, {
      kind: 'posting.changed',
      entityId: p.id,
      version: p.version,
      payload: { status: p.status },
    });
  }

  /** Rules across fields and against reference data (the DTO checks each field alone). */
  private async validate(p: Posting, given: Set<string>): Promise<void> {
    if (p.wageMax < p.wageMin) throw new InvalidInputError('wageMax', 'must be ≥ wageMin');
    if (p.ageMin !== null && p.ageMax !== null && p.ageMin > p.ageMax) {
      throw new InvalidInputError('ageMax', 'must be ≥ ageMin');
    }
    if (given.has('expiresAt') && p.expiresAt && p.expiresAt.getTime() <= Date.now()) {
      throw new InvalidInputError('expiresAt', 'must be in the future');
    }
    if (given.has('skills')) {
      const seen = new Set<string>();
      p.skills.forEach((s, i) => {
        if (seen.has(s.code)) throw new InvalidInputError(`skills[${i}].code`, `${s.code} is listed twice`);
        seen.add(s.code);
      });
      await this.skills.requireCodes(
        p.skills.map((s) => s.code),
        'skills',
      );
    }
    if (given.has('regionCode')) await this.regions.assertRegion('regionCode', p.regionCode);
  }

  private async computeTokens(p: Posting, employerName: string): Promise<void> {
    const codes = p.skills.map((s) => s.code);
    p.skillCodes = codes;
    p.requiredSkillCodes = p.skills.filter((s) => s.required).map((s) => s.code);
    const { searchTokens, titleTokens } = postingTokens(
      {
        title: p.title,
        description: p.description,
        employerName,
        skillCodes: codes,
        skillTexts: await this.skills.textsOf(codes),
      },
      await this.skillTerms.terms(),
    );
    p.searchTokens = searchTokens;
    p.titleTokens = titleTokens;
  }

  private async employerName(id: string): Promise<string> {
    return (await this.employers.summary(id))?.name ?? '';
  }

  private async view(p: Posting, employerName: string): Promise<PostingDto> {
    return this.toDto(p, employerName, await this.skills.all());
  }

  private toDto(p: Posting, employerName: string, skills: Map<string, { nameZh: string }>): PostingDto {
    return {
      id: p.id,
      employerId: p.employerId,
      employerName,
      title: p.title,
      description: p.description,
      industry: p.industry,
      skills: skillViews(p.skills, skills),
      certificates: p.certificates,
      headcount: p.headcount,
      hiredCount: p.hiredCount,
      wageMin: Number(p.wageMin),
      wageMax: Number(p.wageMax),
      wageUnit: p.wageUnit,
      ...monthlyWageRange(Number(p.wageMin), Number(p.wageMax), p.wageUnit, this.wageFactors),
      schedule: p.schedule,
      regionCode: p.regionCode,
      address: p.address,
      latitude: p.latitude,
      longitude: p.longitude,
      locationApproximate: p.locationApproximate,
      accommodation: p.accommodation,
      meals: p.meals,
      shuttle: p.shuttle,
      publicWelfare: p.publicWelfare,
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      startDate: p.startDate,
      shiftStart: p.shiftStart,
      shiftEnd: p.shiftEnd,
      expiresAt: p.expiresAt,
      status: p.status,
      version: p.version,
      publishedAt: p.publishedAt,
      closedAt: p.closedAt,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

/** The fields compared to decide what an edit changed. */
function snapshot(p: Posting): Record<(typeof MATCHING_FIELDS)[number] | 'title' | 'description', unknown> {
  const out = { title: p.title, description: p.description } as Record<string, unknown>;
  for (const k of MATCHING_FIELDS) out[k] = k === 'expiresAt' ? (p.expiresAt?.getTime() ?? null) : p[k];
  out.wageMin = Number(p.wageMin);
  out.wageMax = Number(p.wageMax);
  return out;
}

/** A workplace is a point: latitude without longitude (or the reverse) is a 400, not half a move. */
function assertBothCoordinates(dto: { latitude?: number | null; longitude?: number | null }): void {
  if ((dto.latitude === undefined) !== (dto.longitude === undefined))
    throw new InvalidInputError(
      dto.latitude === undefined ? 'latitude' : 'longitude',
      'latitude and longitude go together',
    );
}

export function skillViews(
  skills: PostingSkill[],
  names?: Map<string, { nameZh: string }>,
): PostingSkillViewDto[] {
  return skills.map((s) => ({
    code: s.code,
    nameZh: names?.get(s.code)?.nameZh ?? s.code,
    minLevel: s.minLevel,
    required: s.required,
  }));
}

/**
 * A hire on a public-welfare post uses the household's one public-welfare entitlement (POLICY.md),
 * so only a sponsor of such posts (employer kind public_welfare) offers one; staff (admins editing
 * a posting) may approve another employer's posting as one. A flag already set stays settable.
 * The kind must have been verified for a live posting: an employer that just switched its kind to
 * public_welfare is back in review, and its open postings must not turn public-welfare meanwhile
 * (a draft waits for publishing, which needs the verification anyway).
 */
function assertMayOfferPublicWelfare(
  actor: AuthUser,
  employer: { kind: string; verified: boolean } | null,
  posting: { publicWelfare: boolean; status: string },
  was: boolean,
): void {
  if (!posting.publicWelfare || was) return;
  if (actor.role === 'admin' || actor.role === 'officer') return;
  const sponsor = employer?.kind === 'public_welfare';
  if (sponsor && (employer.verified || posting.status === 'draft')) return;
  throw new InvalidInputError(
    'publicWelfare',
    'only an employer of kind public_welfare may offer public-welfare posts (an officer approves others)',
  );
}
