import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { CaseActionsService } from '../../../casework/case-actions.service';
import { CaseDashboardService } from '../../../casework/case-dashboard.service';
import { CaseReadsService } from '../../../casework/case-reads.service';
import { CaseQuery, CreateCaseActionDto } from '../../../casework/dto/case.dto';
import { CASE_WORDS_ZH, type CaseActionField } from '../../../i18n/casework-vocabulary';
import { todayInPilotZone } from '../../../kernel/clock';
import { DomainError, NotFoundError } from '../../../kernel/domain-errors';
import { formValues, type FormBody } from '../../form-data';
import { redirect, render } from '../../render';
import { CasePage } from './case-page';
import { CasesDashboardPage } from './cases-dashboard-page';
import { CasesQueuePage, type QueueFilter } from './cases-queue-page';

const REGION = /^\d{2,12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A rejected form field by the label the officer sees on the form. */
function fieldWord(property: string): string {
  return Object.hasOwn(CASE_WORDS_ZH.field, property)
    ? CASE_WORDS_ZH.field[property as CaseActionField]
    : property;
}

function requireId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('Page');
  return id.toLowerCase();
}

/** The officer's casework pages: the queue by due date and a case logged from a phone (no JS). */
@ApiExcludeController()
@Controller('officer/cases')
export class CasesPagesController {
  constructor(
    private readonly reads: CaseReadsService,
    private readonly actions: CaseActionsService,
    private readonly dashboards: CaseDashboardService,
  ) {}

  /**
   * The queue; the dashboard's numbers link here with `siteId` or `originRegionCode` (a malformed
   * one is ignored, the way a stale bookmark should be) and `all=true` for closed cases too.
   */
  @Get()
  @Allow('officer')
  async queue(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('overdue') overdue?: string,
    @Query('siteId') siteId?: string,
    @Query('originRegionCode') originRegionCode?: string,
    @Query('all') all?: string,
  ) {
    const q = Object.assign(new CaseQuery(), { page: 1, pageSize: 100 });
    if (overdue === 'true') q.overdue = true;
    const filter: QueueFilter = {
      overdueOnly: overdue === 'true',
      all: all === 'true',
      siteId: siteId && UUID.test(siteId) ? siteId.toLowerCase() : undefined,
      originRegionCode: originRegionCode && REGION.test(originRegionCode) ? originRegionCode : undefined,
    };
    q.siteId = filter.siteId;
    q.originRegionCode = filter.originRegionCode;
    const [list, figures] = await Promise.all([
      this.reads.list(user, q, { activeOnly: !filter.all }),
      this.reads.figures(user),
    ]);
    return render(
      reply,
      <CasesQueuePage
        cases={list.items}
        total={list.total}
        today={todayInPilotZone()}
        filter={filter}
        figures={figures}
      />,
    );
  }

  @Get('dashboard')
  @Allow('officer')
  async dashboardPage(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    return render(reply, <CasesDashboardPage d={await this.dashboards.dashboard(user)} />);
  }

  @Get(':id')
  @Allow('officer')
  async page(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query('done') done?: string,
  ) {
    const c = await this.reads.get(user, requireId(id));
    return render(reply, <CasePage c={c} today={todayInPilotZone()} done={done === 'action'} />);
  }

  @Post(':id/actions')
  @Allow('officer')
  async log(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const v = formValues(body, ['kind', 'outcome', 'date', 'note']);
    const dto = Object.assign(new CreateCaseActionDto(), {
      kind: v.kind,
      outcome: v.outcome || undefined,
      date: v.date,
      note: v.note || undefined,
    });
    const invalid = await validate(dto);
    if (invalid.length) {
      const c = await this.reads.get(user, id);
      const error = `请检查：${invalid.map((e) => fieldWord(e.property)).join('、')}`;
      return render(reply, <CasePage c={c} today={todayInPilotZone()} error={error} />, { status: 400 });
    }
    try {
      await this.actions.logAction(user, id, dto);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) {
        const c = await this.reads.get(user, id);
        return render(reply, <CasePage c={c} today={todayInPilotZone()} error={e.message} />, {
          status: 400,
        });
      }
      throw e;
    }
    return redirect(reply, `/officer/cases/${id}?done=action`);
  }
}
