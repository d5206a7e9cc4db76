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
import { caseWords, type CaseActionField } from '../../../i18n/casework-vocabulary';
import { todayInPilotZone } from '../../../kernel/clock';
import { DomainError, NotFoundError } from '../../../kernel/domain-errors';
import { formValues, type FormBody } from '../../form-data';
import { redirect, render, webContextOf } from '../../render';
import { CasePage } from './case-page';
import { CasesDashboardPage } from './cases-dashboard-page';
import { CasesQueuePage, type QueueFilter } from './cases-queue-page';

const REGION = /^\d{2,12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The error line over the form, naming the rejected fields by the labels the officer sees on it
 * (「请检查：方式、日期」): the validator's and the service's English messages are for the API.
 */
function checkLine(reply: FastifyReply, properties: string[]): string {
  const { t, lang } = webContextOf(reply.request);
  const fields = caseWords(lang).field;
  const word = (p: string) => (Object.hasOwn(fields, p) ? fields[p as CaseActionField] : p);
  return t('officer.cases.check', { fields: properties.map(word).join(t('officer.cases.and')) });
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
      const rejected = invalid.map((e) => e.property);
      const error = checkLine(reply, rejected);
      return render(reply, <CasePage c={c} today={todayInPilotZone()} error={error} values={v} />, {
        status: 400,
      });
    }
    try {
      await this.actions.logAction(user, id, dto);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) {
        const c = await this.reads.get(user, id);
        const fields = e.details?.map((d) => d.field) ?? [];
        const error = fields.length ? checkLine(reply, fields) : e.message;
        return render(reply, <CasePage c={c} today={todayInPilotZone()} error={error} values={v} />, {
          status: 400,
        });
      }
      throw e;
    }
    return redirect(reply, `/officer/cases/${id}?done=action`);
  }
}
