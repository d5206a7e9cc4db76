import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type EmployerRef } from '../access/scope/scope-policy';
import { UsersService } from '../access/users.service';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { discoverReactions } from '../platform/queue/reactions';
import { RegionsService } from '../regions/regions.service';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import type {
  CreateEmployerDto,
  EmployerDto,
  EmployerQuery,
  RejectEmployerDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import type { Employer } from './employer.entity';
import { EMPLOYER_RENAMED, type EmployerRenamedReaction } from './employer-renamed';
import { EmployersRepository } from './employers.repository';

/** What other modules (postings) may know about an employer. */
export interface EmployerSummary extends EmployerRef {
  name: string;
  /** A workshop's hires are placements of kind `workshop` (placements). */
  kind: Employer['kind'];
  verified: boolean;
  /** The employer's account (told when a resident answers an invitation). */
  ownerUserId: string;
  /** Where it is: the default workplace of its postings. */
  address: string;
  latitude: number;
  longitude: number;
}

const DUPLICATE_CREDIT_CODE = () =>
  new ConflictError('An employer with this credit code already exists', 'employer.duplicate_credit_code');

function isUniqueViolation(e: unknown, constraint: string): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; constraint?: string };
  return d.code === '23505' && d.constraint === constraint;
}

@Injectable()
export class EmployersService implements OnModuleInit {
  /** Who reacts to a rename (postings), found at start: employer-renamed.ts. */
  private renamedReactions: EmployerRenamedReaction[] = [];

  constructor(
    private readonly repo: EmployersRepository,
    private readonly policy: ScopePolicy,
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    this.renamedReactions = discoverReactions(this.discovery, EMPLOYER_RENAMED);
  }

  // ---- for other modules -------------------------------------------------------------------

  /** An employer's name, area and verification, or null. No scope check (callers ask ScopePolicy). */
  async summary(id: string, manager?: EntityManager): Promise<EmployerSummary | null> {
    const e = await this.repo.findById(id, manager);
    if (!e) return null;
    return {
      id: e.id,
      regionCode: e.regionCode,
      name: e.name,
      kind: e.kind,
      verified: e.verifiedAt !== null,
      ownerUserId: e.ownerUserId,
      address: e.address,
      latitude: e.latitude,
      longitude: e.longitude,
    };
  }

  /** Names by id, for lists of postings. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.repo.namesOf(unique);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ---- API ----------------------------------------------------------------------------------

  async create(actor: AuthUser, dto: CreateEmployerDto): Promise<EmployerDto> {
    const creditCode = this.checkedCreditCode(dto.creditCode);
    await this.regions.assertRegion('regionCode', dto.regionCode);
    if (actor.employerId) {
      throw new ConflictError('This account already has an employer', 'employer.account_has_employer');
    }
    try {
      return await this.repo.transaction(async (m) => {
        if (await this.repo.hasCreditCode(m, creditCode)) throw DUPLICATE_CREDIT_CODE();
        if (await this.repo.hasOwner(m, actor.id)) {
          throw new ConflictError('This account already has an employer', 'employer.account_has_employer');
        }
        const employer = await this.repo.add(m, {
          name: dto.name.trim(),
          creditCode,
          kind: dto.kind,
          industry: dto.industry,
          regionCode: dto.regionCode,
          address: dto.address.trim(),
          latitude: dto.latitude,
          longitude: dto.longitude,
          ownerUserId: actor.id,
          verifiedAt: null,
          verifiedBy: null,
        });
        await this.users.linkEmployer(m, actor.id, employer.id);
        await this.audit.record(
          actor,
          { action: 'employer.create', entityType: 'employer', entityId: employer.id },
          m,
        );
        return this.toDto(employer);
      });
    } catch (e) {
      // Two registrations racing past the checks above meet the unique indexes.
      if (isUniqueViolation(e, 'uq_employer_credit_code')) throw DUPLICATE_CREDIT_CODE();
      if (isUniqueViolation(e, 'uq_employer_owner'))
        throw new ConflictError('This account already has an employer', 'employer.account_has_employer');
      throw e;
    }
  }

  async get(actor: AuthUser, id: string): Promise<EmployerDto> {
    const e = await this.repo.findById(id);
    this.policy.require(!!e && this.policy.readsEmployer(actor, e), 'Employer');
    return this.toDto(e!);
  }

  async update(actor: AuthUser, id: string, dto: UpdateEmployerDto): Promise<EmployerDto> {
    for (const [k, v] of Object.entries(dto)) {
      if (v === null) throw new InvalidInputError(k, `${k} must not be null`);
    }
    const creditCode = dto.creditCode === undefined ? undefined : this.checkedCreditCode(dto.creditCode);
    if (dto.regionCode !== undefined) await this.regions.assertRegion('regionCode', dto.regionCode);
    try {
      return await this.repo.transaction(async (m) => {
        const e = await this.repo.lockById(m, id);
        this.policy.require(!!e && this.policy.managesEmployer(actor, e), 'Employer');
        const employer = e!;
        if (creditCode !== undefined && creditCode !== employer.creditCode) {
          if (await this.repo.hasCreditCode(m, creditCode)) throw DUPLICATE_CREDIT_CODE();
        }
        /*
         * What the officer verified: this legal entity (credit code) under this name, of this kind
         * (a public_welfare sponsor offers public-welfare posts, a workshop's hires count as
         * workshop placements), in this area (whose officers may verify it). A change to any of
         * them needs a new check; address and coordinates do not (the officer checks the entity,
         * not the street, and postings carry their own workplace).
         */
        const materialChanges = [
          creditCode !== undefined && creditCode !== employer.creditCode ? 'creditCode' : null,
          dto.name !== undefined && dto.name.trim() !== employer.name ? 'name' : null,
          dto.kind !== undefined && dto.kind !== employer.kind ? 'kind' : null,
          dto.regionCode !== undefined && dto.regionCode !== employer.regionCode ? 'regionCode' : null,
        ].filter((f): f is string => f !== null);
        const fields = Object.keys(dto);
        const nameBefore = employer.name;
        Object.assign(employer, {
          ...dto,
          ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
          ...(dto.address !== undefined ? { address: dto.address.trim() } : {}),
          ...(creditCode !== undefined ? { creditCode } : {}),
        });
        // Postings stay as they are: an officer decides on them when reviewing the employer again.
        const resetVerification = materialChanges.length > 0 && employer.verifiedAt !== null;
        if (resetVerification) {
          employer.verifiedAt = null;
          employer.verifiedBy = null;
        }
        // A refused employer who changes something is back in the queue for a new look.
        const backToQueue = employer.rejectedAt !== null && fields.length > 0;
        if (backToQueue) {
          employer.rejectedAt = null;
          employer.rejectedBy = null;
          employer.rejectionReason = null;
        }
        const saved = await this.repo.save(m, employer);
        if (dto.name !== undefined && nameBefore !== saved.name) {
          for (const r of this.renamedReactions) await r.employerRenamed(m, saved.id, saved.name);
        }
        await this.audit.record(
          actor,
          {
            action: 'employer.update',
            entityType: 'employer',
            entityId: id,
            details: { fields, verificationReset: resetVerification, materialChanges, backToQueue },
          },
          m,
        );
        return this.toDto(saved);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_employer_credit_code')) throw DUPLICATE_CREDIT_CODE();
      throw e;
    }
  }

  async verify(actor: AuthUser, id: string): Promise<EmployerDto> {
    return this.repo.transaction(async (m) => {
      const e = await this.repo.lockById(m, id);
      this.policy.require(!!e && this.policy.verifiesEmployer(actor, e), 'Employer');
      const employer = e!;
      // Verifying twice is harmless: the first verification stands.
      if (employer.verifiedAt) return this.toDto(employer);
      employer.verifiedAt = new Date();
      employer.verifiedBy = actor.id;
      employer.rejectedAt = null;
      employer.rejectedBy = null;
      employer.rejectionReason = null;
      const saved = await this.repo.save(m, employer);
      await this.audit.record(actor, { action: 'employer.verify', entityType: 'employer', entityId: id }, m);
      return this.toDto(saved);
    });
  }

  /**
   * An officer of the area refuses the verification and says what to fix; the employer reads it
   * on their page. A verified employer loses the verification (its postings stay until decided).
   */
  async reject(actor: AuthUser, id: string, dto: RejectEmployerDto): Promise<EmployerDto> {
    const reason = dto.reason.trim();
    if (!reason) throw new InvalidInputError('reason', 'must say what the employer should fix');
    return this.repo.transaction(async (m) => {
      const e = await this.repo.lockById(m, id);
      this.policy.require(!!e && this.policy.verifiesEmployer(actor, e), 'Employer');
      const employer = e!;
      const wasVerified = employer.verifiedAt !== null;
      Object.assign(employer, {
        verifiedAt: null,
        verifiedBy: null,
        rejectedAt: new Date(),
        rejectedBy: actor.id,
        rejectionReason: reason,
      });
      const saved = await this.repo.save(m, employer);
      await this.audit.record(
        actor,
        { action: 'employer.reject', entityType: 'employer', entityId: id, details: { wasVerified } },
        m,
      );
      return this.toDto(saved);
    });
  }

  /** Officers: employers in their area (the verification queue with verified=false); admins: all. */
  async list(actor: AuthUser, q: EmployerQuery): Promise<Page<EmployerDto>> {
    const prefixes = this.policy.areaPrefixes(actor);
    const [rows, total] = await this.repo.page({
      regionPrefixes: prefixes,
      verified: q.verified,
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return page(
      rows.map((r) => this.toDto(r)),
      total,
      q,
    );
  }

  private checkedCreditCode(input: string): string {
    const code = normalizeCreditCode(input);
    const problem = creditCodeProblem(code);
    if (problem) throw new InvalidInputError('creditCode', problem);
    return code;
  }

  private toDto(e: Employer): EmployerDto {
    return {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      kind: e.kind,
      industry: e.industry,
      regionCode: e.regionCode,
      address: e.address,
      latitude: e.latitude,
      longitude: e.longitude,
      verified: e.verifiedAt !== null,
      verifiedAt: e.verifiedAt,
      rejection: e.rejectedAt ? { reason: e.rejectionReason ?? '', rejectedAt: e.rejectedAt } : null,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}
