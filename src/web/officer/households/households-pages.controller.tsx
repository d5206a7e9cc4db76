import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { NotFoundError } from '../../../kernel/domain-errors';
import { RegionsService } from '../../../regions/regions.service';
import { HouseholdQuery } from '../../../residents/dto/household.dto';
import { ResidentQuery } from '../../../residents/dto/resident.dto';
import { HouseholdsService } from '../../../residents/households.service';
import { ResidentsService } from '../../../residents/residents.service';
import { render } from '../../render';
import { optionalId, pageNumber, requireId } from '../officer-query';
import { OfficerSites } from '../officer-sites';
import { HouseholdPage } from './household-page';
import { HouseholdsPage } from './households-page';
import { ResidentsPage } from './residents-page';

/**
 * The officer's households and residents: the zero-employment work queue, one household with its
 * members, a site's residents. The same services as the API, with the signed-in officer.
 */
@ApiExcludeController()
@Controller('officer')
export class HouseholdsPagesController {
  constructor(
    private readonly sites: OfficerSites,
    private readonly regions: RegionsService,
    private readonly households: HouseholdsService,
    private readonly residents: ResidentsService,
  ) {}

  @Get('households')
  @Allow('officer')
  async householdList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('zeroEmployment') zeroQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const zeroEmployment = zeroQ === 'true';
    const names = await this.sites.names(user);
    if (siteId && !names.has(siteId)) throw new NotFoundError('Site');
    const list = await this.households.list(
      user,
      Object.assign(new HouseholdQuery(), {
        siteId,
        zeroEmployment: zeroEmployment ? true : undefined,
        page: pageNumber(pageQ),
        pageSize: 100,
      }),
    );
    // The work queue: monitored households first, then the longest at risk (within the page).
    const monitored = (m: string) => (m === 'none' ? 1 : 0);
    const since = (d: Date | null) => (d ? new Date(d).getTime() : Number.MAX_SAFE_INTEGER);
    list.items.sort(
      (a, b) =>
        Number(b.zeroEmployment) - Number(a.zeroEmployment) ||
        monitored(a.monitoringStatus) - monitored(b.monitoringStatus) ||
        since(a.atRiskSince) - since(b.atRiskSince),
    );
    const labels = await this.households.labelsOf(
      user,
      list.items.map((h) => h.id),
    );
    return render(
      reply,
      <HouseholdsPage
        labels={labels}
        sites={[...names].map(([id, name]) => ({ id, name }))}
        siteId={siteId}
        zeroEmployment={zeroEmployment}
        list={list}
        siteNames={names}
      />,
    );
  }

  @Get('households/:id')
  @Allow('officer')
  async household(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    const id = requireId(idP);
    const household = await this.households.get(user, id);
    const members = await this.residents.list(
      user,
      Object.assign(new ResidentQuery(), { householdId: id, pageSize: 100 }),
    );
    const [site, labels, origin] = await Promise.all([
      this.regions.findSite(household.siteId),
      this.households.labelsOf(user, [id]),
      this.regions.regionPath(household.originRegionCode),
    ]);
    return render(
      reply,
      <HouseholdPage
        household={household}
        label={labels.get(id)}
        siteName={site?.name ?? ''}
        originName={
          origin.length
            ? origin
                .map((r) => r.name)
                .reverse()
                .join('')
            : household.originRegionCode
        }
        members={members.items}
      />,
    );
  }

  @Get('residents')
  @Allow('officer')
  async residentList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const sites = await this.sites.list(user);
    if (siteId && !sites.some((x) => x.id === siteId)) throw new NotFoundError('Site');
    const list = await this.residents.list(
      user,
      Object.assign(new ResidentQuery(), { siteId, page: pageNumber(pageQ), pageSize: 50 }),
    );
    return render(reply, <ResidentsPage sites={sites} siteId={siteId} list={list} />);
  }
}
