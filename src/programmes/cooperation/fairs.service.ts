import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { ScopePolicy } from '../../access/scope/scope-policy';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputError } from '../../kernel/domain-errors';
import { EmployersService } from '../../employers/employers.service';
import { PostingsDirectory } from '../../postings/postings-directory';
import { CooperationRepository } from './cooperation.repository';
import { CooperationSettings } from './cooperation-settings';
import type { CreateFairDto, FairDetailDto, FairDto } from './dto/cooperation.dto';
import type { CooperationFair } from './entities/cooperation-fair.entity';

function toDto(f: CooperationFair): FairDto {
  return {
    id: f.id,
    siteId: f.siteId,
    name: f.name,
    heldOn: f.heldOn,
    partnerCity: f.partnerCity,
    employerIds: f.employerIds,
    postingIds: f.postingIds,
  };
}

/**
 * Job fairs of the cooperation: an event at a site with the partner city's employers and their
 * postings. The postings are the postings feature's; their matching already reaches residents
 * willing to work away (postings with accommodation), so a fair only names them.
 */
@Injectable()
export class FairsService {
  constructor(
    private readonly repo: CooperationRepository,
    private readonly settings: CooperationSettings,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly employers: EmployersService,
    private readonly postings: PostingsDirectory,
  ) {}

  async create(actor: AuthUser, dto: CreateFairDto): Promise<FairDto> {
    const site = await this.repo.site(dto.siteId);
    if (!site || !this.policy.managesSite(actor, site)) throw new InvalidInputError('siteId', 'must be a site you manage');
    const city = this.settings.partnerCity(site.regionCode, dto.partnerCity);
    const employerIds = new Set(dto.employerIds ?? []);
    for (const id of employerIds) {
      if (!(await this.employers.summary(id))) throw new InvalidInputError('employerIds', `unknown employer ${id}`);
    }
    for (const id of dto.postingIds ?? []) {
      const p = await this.postings.postingRef(id);
      if (!p || !this.policy.citesPosting(actor, p)) throw new InvalidInputError('postingIds', `unknown posting ${id}`);
      employerIds.add(p.employerId);
    }
    return this.repo.transaction(async (m) => {
      const f = await this.repo.insertFair(m, {
        siteId: site.id,
        name: dto.name.trim(),
        heldOn: dto.heldOn,
        partnerCity: city.name,
        employerIds: [...employerIds],
        postingIds: dto.postingIds ?? [],
        createdBy: actor.id,
      });
      await this.audit.record(actor, { action: 'cooperation.fair_create', entityType: 'cooperation_fair', entityId: f.id }, m);
      return toDto(f);
    });
  }

  async list(actor: AuthUser, siteId?: string): Promise<FairDto[]> {
    return (await this.repo.fairs(actor, siteId)).map(toDto);
  }

  async get(actor: AuthUser, id: string): Promise<FairDetailDto> {
    const f = await this.repo.fair(id);
    this.policy.require(!!f && this.policy.managesSite(actor, { id: f.siteId, regionCode: f.siteRegionCode }), 'Fair');
    const names = await this.employers.namesOf(f!.employerIds);
    const heads = await this.postings.headlinesOf(f!.postingIds);
    return {
      ...toDto(f!),
      employers: f!.employerIds.map((e) => ({ id: e, name: names.get(e) ?? '' })),
      postings: f!.postingIds.map((p) => ({ id: p, title: heads.get(p)?.title ?? '' })),
    };
  }
}
