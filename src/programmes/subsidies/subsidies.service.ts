import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { ScopePolicy } from '../../access/scope/scope-policy';
import { AuditService } from '../../audit/audit.service';
import { todayInPilotZone } from '../../kernel/clock';
import { ConflictError, InvalidInputError } from '../../kernel/domain-errors';
import { PlacementHistory } from '../../placements/placement-history';
import { RegionsService } from '../../regions/regions.service';
import {
  ResidentProgrammeReads,
  type ResidentProgrammeFacts,
} from '../../residents/resident-programme-facts';
import { ResidentsDirectory } from '../../residents/residents-directory';
import { AttendanceReads } from '../../training/attendance-reads';
import type {
  ClaimDto,
  CreateClaimDto,
  EligibilityItemDto,
  EligibilityListDto,
  EligibilityQuery,
  EvidenceDto,
  SetEvidenceDto,
} from './dto/subsidy.dto';
import type { SubsidyClaim } from './entities/subsidy-claim.entity';
import { PROGRAMME_KEY, type SubsidyProgramme, type SubsidyRules } from './subsidies-config';
import { SubsidiesRepository } from './subsidies.repository';
import { SubsidiesSettings } from './subsidies-settings';
import { parsePeriod, periodOf, PERIOD_EXAMPLE, type Period } from './subsidy-periods';
import { eligibility, type Eligibility, type Facts } from './subsidy-rules';

interface SiteScope {
  id: string;
  regionCode: string;
}

/**
 * Subsidies with their evidence (issue 17 §2): eligibility computed from the facts other
 * features hold, officers' evidence marks, claims in batches per site and period.
 */
@Injectable()
export class SubsidiesService {
  constructor(
    private readonly repo: SubsidiesRepository,
    private readonly settings: SubsidiesSettings,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsDirectory,
    private readonly residentFacts: ResidentProgrammeReads,
    private readonly placements: PlacementHistory,
    private readonly attendance: AttendanceReads,
  ) {}

  async requireSite(actor: AuthUser, siteId: string): Promise<SiteScope> {
    const site = await this.regions.findSite(siteId);
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    return { id: site!.id, regionCode: site!.regionCode };
  }

  /** The period a key names for the programme (400 naming `field` when it is of another kind). */
  period(
    rules: SubsidyRules,
    programme: SubsidyProgramme,
    key: string | undefined,
    field = 'period',
  ): Period {
    const kind = rules[PROGRAMME_KEY[programme]].claimPeriod;
    if (key === undefined) return periodOf(todayInPilotZone(), kind);
    const p = parsePeriod(key, kind);
    if (!p)
      throw new InvalidInputError(field, `${programme} is claimed by ${kind}, e.g. ${PERIOD_EXAMPLE[kind]}`);
    return p;
  }

  async eligibility(actor: AuthUser, q: EligibilityQuery): Promise<EligibilityListDto> {
    const site = await this.requireSite(actor, q.siteId);
    const rules = this.settings.rules(site.regionCode);
    const period = this.period(rules, q.programme, q.period);
    const residents = await this.residentFacts.ofSite(site.id);
    const items = await this.judge(rules, q.programme, residents, period);
    await this.audit.recordReads(
      actor,
      'resident',
      items.map((i) => i.residentId),
      'resident.read_subsidy',
    );
    return { period: period.key, items };
  }

  private async judge(
    rules: SubsidyRules,
    programme: SubsidyProgramme,
    residents: ResidentProgrammeFacts[],
    period: Period,
  ): Promise<EligibilityItemDto[]> {
    const ids = residents.map((r) => r.id);
    const needsPlacements = programme === 'transport' || programme === 'public_welfare';
    const [placements, attendance] = await Promise.all([
      needsPlacements
        ? this.placements.ofResidents(ids, [programme === 'transport' ? 'away_from_home' : 'public_welfare'])
        : [],
      programme === 'training_allowance' ? this.attendance.ofResidents(ids) : [],
    ]);
    const found: { r: ResidentProgrammeFacts; e: Eligibility }[] = [];
    for (const r of residents) {
      const facts: Facts = {
        resident: {
          id: r.id,
          name: r.name,
          householdId: r.householdId,
          monitoringStatus: r.monitoringStatus,
          employmentStatus: r.employmentStatus,
          hasNationalId: !!r.nationalIdMasked,
          registeredOn: r.registeredOn,
        },
        placements: placements
          .filter((p) => p.residentId === r.id)
          .map((p) => ({ ...p, fromHire: p.applicationId !== null })),
        attendance: attendance.filter((a) => a.residentId === r.id),
      };
      const e = eligibility(rules, programme, facts, period, this.settings.minimumWage);
      if (e) found.push({ r, e });
    }
    const eligibleIds = found.map((f) => f.r.id);
    const [marks, claims] = await Promise.all([
      this.repo.evidenceOf(eligibleIds, programme),
      this.repo.claimsFor(eligibleIds, programme, period.key),
    ]);
    const required = rules[PROGRAMME_KEY[programme]].evidence;
    return found.map(({ r, e }) => {
      const own = marks.get(r.id);
      const evidence: EvidenceDto[] = required.map((item) => ({
        item,
        status: own?.get(item) ?? (e.provided.includes(item) ? 'provided' : 'missing'),
      }));
      return {
        residentId: r.id,
        residentName: r.name,
        programme,
        amount: e.amount,
        eligibleSince: e.eligibleSince,
        basis: e.basis,
        evidence,
        complete: evidence.every((x) => x.status !== 'missing'),
        claimId: claims.get(r.id) ?? null,
      };
    });
  }

  /** The resident's site, after the scope check (404 outside it). */
  private async requireResident(
    actor: AuthUser,
    residentId: string,
  ): Promise<{ facts: ResidentProgrammeFacts; site: SiteScope }> {
    const ref = await this.residents.residentRef(residentId);
    this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Resident');
    const [facts] = await this.residentFacts.ofIds([residentId]);
    this.policy.require(!!facts, 'Resident');
    return { facts, site: ref!.household.site };
  }

  async fileClaim(actor: AuthUser, dto: CreateClaimDto): Promise<ClaimDto> {
    const { facts, site } = await this.requireResident(actor, dto.residentId);
    const rules = this.settings.rules(site.regionCode);
    const period = this.period(rules, dto.programme, dto.period);
    const [item] = await this.judge(rules, dto.programme, [facts], period);
    if (!item)
      throw new ConflictError(
        `The resident is not eligible for ${dto.programme} in ${period.key} under the rules of the site`,
        'subsidy.not_eligible',
      );
    const missing = item.evidence.filter((x) => x.status === 'missing').map((x) => x.item);
    if (missing.length)
      throw new ConflictError(`Evidence missing: ${missing.join(', ')}`, 'subsidy.evidence_missing');
    const groups = rules.exclusiveGroups.filter((g) => g.includes(dto.programme));
    const year = period.key.slice(0, 4);
    const claim = await this.repo.fileClaim(
      {
        residentId: dto.residentId,
        siteId: site.id,
        programme: dto.programme,
        period: period.key,
        amount: item.amount,
        basis: item.basis as Record<string, unknown>,
        filedBy: actor.id,
      },
      (e) => {
        if (e.programme === dto.programme && e.period === period.key)
          return `This resident already has a ${e.programme} claim for ${e.period} (claim ${e.id})`;
        if (
          e.programme === dto.programme &&
          dto.programme === 'job_seeking' &&
          rules.jobSeeking.oncePerPerson
        )
          return `The job-seeking subsidy is paid once per person: claim ${e.id} (${e.period})`;
        if (
          e.programme !== dto.programme &&
          e.period.slice(0, 4) === year &&
          groups.some((g) => g.includes(e.programme))
        )
          return `One person claims under one category: claim ${e.id} (${e.programme}, ${e.period}) excludes ${dto.programme} in ${year}`;
        return null;
      },
      (m, c) =>
        this.audit.record(
          actor,
          {
            action: 'subsidy.claim',
            entityType: 'subsidy_claim',
            entityId: c.id,
            onBehalfOfResidentId: dto.residentId,
            details: { programme: c.programme, period: c.period, amount: c.amount, batchId: c.batchId },
          },
          m,
        ),
    );
    return claimDto(claim, facts.name);
  }

  async claims(actor: AuthUser, siteId: string): Promise<ClaimDto[]> {
    const site = await this.requireSite(actor, siteId);
    const rows = await this.repo.claimsOfSite(site.id);
    const names = await this.residents.namesOf(rows.map((r) => r.residentId));
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((r) => r.residentId),
      'resident.read_subsidy',
    );
    return rows.map((r) => claimDto(r, names.get(r.residentId) ?? ''));
  }

  async setEvidence(actor: AuthUser, dto: SetEvidenceDto): Promise<EvidenceDto> {
    const { site } = await this.requireResident(actor, dto.residentId);
    const required = this.settings.rules(site.regionCode)[PROGRAMME_KEY[dto.programme]].evidence;
    if (!required.includes(dto.item))
      throw new InvalidInputError('item', `${dto.programme} asks for ${required.join(', ')}`);
    await this.repo.transaction(async (m) => {
      await this.repo.setEvidence(
        m,
        { residentId: dto.residentId, programme: dto.programme, item: dto.item },
        dto.status === 'missing' ? null : dto.status,
        actor.id,
      );
      await this.audit.record(
        actor,
        {
          action: 'subsidy.evidence',
          entityType: 'resident',
          entityId: dto.residentId,
          onBehalfOfResidentId: dto.residentId,
          details: { programme: dto.programme, item: dto.item, status: dto.status },
        },
        m,
      );
    });
    return { item: dto.item, status: dto.status };
  }
}

export function claimDto(c: SubsidyClaim, residentName: string): ClaimDto {
  return {
    id: c.id,
    residentId: c.residentId,
    residentName,
    siteId: c.siteId,
    batchId: c.batchId,
    programme: c.programme,
    period: c.period,
    amount: c.amount,
    basis: c.basis,
    createdAt: c.createdAt,
  };
}
