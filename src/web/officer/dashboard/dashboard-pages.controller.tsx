import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { NotFoundError } from '../../../kernel/domain-errors';
import { EmployerQuery } from '../../../employers/dto/employer.dto';
import { EmployersService } from '../../../employers/employers.service';
import { MatchQueueQuery } from '../../../matching/dto/match.dto';
import { MatchesService } from '../../../matching/matches.service';
import { InboxService } from '../../../notifications/inbox.service';
import { FollowUpTaskQuery } from '../../../placements/dto/follow-up.dto';
import { FollowUpsService } from '../../../placements/follow-ups.service';
import { DashboardService } from '../../../reports/dashboard.service';
import { IndicatorsService } from '../../../reports/indicators.service';
import { HouseholdQuery } from '../../../residents/dto/household.dto';
import { HouseholdsService } from '../../../residents/households.service';
import { render } from '../../render';
import { optionalId } from '../officer-query';
import { OfficerSites } from '../officer-sites';
import { DashboardPage, type QueueCounts } from './dashboard-page';

/**
 * The officer's work queue (`GET /officer`; DESIGN.md "The web": officers work from queues;
 * charts summarize; every number links to the list behind it). Each figure comes from the same
 * service as the API with the signed-in officer, so ScopePolicy and 404s are the API's.
 */
@ApiExcludeController()
@Controller('officer')
export class DashboardPagesController {
  constructor(
    private readonly sites: OfficerSites,
    private readonly indicators: IndicatorsService,
    private readonly dashboards: DashboardService,
    private readonly households: HouseholdsService,
    private readonly matches: MatchesService,
    private readonly followUps: FollowUpsService,
    private readonly employers: EmployersService,
    private readonly inbox: InboxService,
  ) {}

  @Get()
  @Allow('officer')
  async dashboard(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
  ) {
    const sites = await this.sites.list(user);
    const asked = optionalId(siteQ);
    if (asked && !sites.some((x) => x.id === asked)) throw new NotFoundError('Site');
    const siteId = asked ?? sites[0]?.id ?? null;
    const [summary, dashboard, queues] = await Promise.all([
      siteId ? this.indicators.summarize([siteId]) : null,
      siteId ? this.dashboards.dashboard(user, siteId) : null,
      this.queueCounts(user, siteId ?? undefined),
    ]);
    return render(
      reply,
      <DashboardPage sites={sites} siteId={siteId} summary={summary} dashboard={dashboard} queues={queues} />,
    );
  }

  private async queueCounts(user: AuthUser, siteId: string | undefined): Promise<QueueCounts> {
    const [zero, matches, followUps, employers, unread] = await Promise.all([
      this.households.list(
        user,
        Object.assign(new HouseholdQuery(), { siteId, zeroEmployment: true, pageSize: 1 }),
      ),
      this.matches.queue(user, Object.assign(new MatchQueueQuery(), { siteId, pageSize: 1 })),
      this.followUps.list(user, Object.assign(new FollowUpTaskQuery(), { siteId, pageSize: 1 })),
      this.employers.list(user, Object.assign(new EmployerQuery(), { verified: false, pageSize: 1 })),
      this.inbox.unreadCount(user),
    ]);
    return {
      zeroEmployment: zero.total,
      matches: matches.total,
      followUps: followUps.total,
      employers: employers.total,
      unread: unread.count,
    };
  }
}
