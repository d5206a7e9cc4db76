import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../kernel/domain-errors';
import { ReactsTo } from '../platform/queue/reactions';
import { page, type Page } from '../kernel/pagination';
import { OutboxService } from '../platform/database/outbox.service';
import { EMPLOYER_RENAMED, type EmployerRenamedReaction } from '../employers/employer-renamed';
import { EmployersService } from '../employers/employers.service';
import { RegionsService } from '../regions/regions.service';
import { SkillsService } from '../skills/skills.service';
import type {
  CreatePostingDto,
  PostingDto,
  PostingListQuery,
  PostingStatusDto,
  UpdatePostingDto,
} from './dto/posting.dto';
import type { PostingStatus } from './posting-enums';
import { announcePostingChange } from './posting-events';
import { canTransition, isEditable } from './posting-lifecycle';
import {
  assertBothCoordinates,
  assertMayOfferPublicWelfare,
  MATCHING_FIELDS,
  newDraft,
  NULLABLE_FIELDS,
  snapshot,
  TEXT_FIELDS,
} from './posting-rules';
import { postingTokens } from './posting-search-text';
import { postingDto } from './posting-view';
import type { Posting } from './posting.entity';
import { PostingsRepository } from './postings.repository';
import { SkillTermsProvider } from './skill-terms.provider';
import { AppConfig } from '../platform/config/app-config';
import type { WageFactors } from '../matching/engine';
import { loadMatchingConfig } from '../matching/matching-config';

// posting-search.service.ts imports skillViews from here (it moved to posting-view.ts).
export { skillViews } from './posting-view';

/**
 * The employer's postings (and an officer's or admin's on its behalf): create and edit, publish
 * and close, read one or a list; the daily expiry. Other features read postings through
 * PostingsDirectory; the search is PostingSearchService.
 */
@Injectable()
@ReactsTo(EMPLOYER_RENAMED)
export class PostingsService implements EmployerRenamedReaction {
  constructor(
    private readonly repo: PostingsRepository,
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
    for (const p of await this.repo.ofEmployer(m, employerId)) {
      await this.computeTokens(p, employerName);
      await this.repo.setTokens(m, p);
    }
  }

  /** Expires open postings whose expiresAt has passed (the daily job); returns how many. */
  async expireDue(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.repo.transaction(async (m) => {
        const rows = await this.repo.expireDueBatch(m, batchSize);
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
    const p = newDraft(employer, dto);
    assertMayOfferPublicWelfare(actor, employer, p, false);
    assertBothCoordinates(dto);
    await this.validate(p, new Set(Object.keys(dto)));
    await this.computeTokens(p, employer.name);
    return this.repo.transaction(async (m) => {
      const saved = await this.repo.save(m, p);
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
    return this.repo.transaction(async (m) => {
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
      const saved = await this.repo.save(m, p);
      if (newVersion) await announcePostingChange(this.outbox, m, saved);
      await this.audit.record(
        actor,
        { action: 'posting.update', entityType: 'posting', entityId: id, details: { fields: changed } },
        m,
      );
      return this.view(saved, employerName);
    });
  }

  async publish(actor: AuthUser, id: string): Promise<PostingStatusDto> {
    return this.repo.transaction(async (m) => {
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
    return this.repo.transaction(async (m) => {
      const p = await this.lockManaged(m, actor, id);
      this.assertTransition(p, 'closed');
      p.status = 'closed';
      p.closedAt = new Date();
      return this.changeStatus(m, actor, p, 'posting.close');
    });
  }

  /** Anyone reads an open posting; drafts and ended ones only the employer, officers in area, admins. */
  async get(actor: AuthUser | undefined, id: string): Promise<PostingDto> {
    const p = await this.repo.findById(id);
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
    const [rows, total] = await this.repo.pageOfEmployer(
      employerId,
      q.status,
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    const name = await this.employerName(employerId);
    const skills = await this.skills.all();
    return page(
      rows.map((r) => this.toDto(r, name, skills)),
      total,
      q,
    );
  }

  private async lockManaged(m: EntityManager, actor: AuthUser, id: string): Promise<Posting> {
    const p = await this.repo.lockById(m, id);
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
    const saved = await this.repo.save(m, p);
    await announcePostingChange(this.outbox, m, saved);
    await this.audit.record(
      actor,
      { action, entityType: 'posting', entityId: p.id, details: { status: p.status, version: p.version } },
      m,
    );
    return { id: saved.id, status: saved.status, version: saved.version };
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
    return postingDto(p, employerName, skills, this.wageFactors);
  }
}
