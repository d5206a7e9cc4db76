import '@fastify/multipart';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { DomainError, InvalidInputError, NotFoundError } from '../../common/domain-errors';
import { EmployerQuery, RejectEmployerDto } from '../../employers/dto/employer.dto';
import type { RosterUpload } from '../../imports/imports.service';
import { DismissMatchDto, MatchQueueQuery, SCORE_BANDS, type ScoreBand } from '../../matching/dto/match.dto';
import { NotificationQuery } from '../../notifications/dto/notification.dto';
import { CreateFollowUpDto, FollowUpTaskQuery } from '../../placements/dto/follow-up.dto';
import { EndPlacementDto, PlacementQuery } from '../../placements/dto/placement.dto';
import type { PlacementDto } from '../../placements/dto/placement.dto';
import { SiteQuery } from '../../regions/dto/site.dto';
import { HouseholdQuery } from '../../residents/dto/household.dto';
import { ResidentQuery } from '../../residents/dto/resident.dto';
import type { FormErrors } from '../components/form';
import { type FormBody, formValues, validateForm } from '../form-data';
import { redirect, render, webContextOf } from '../render';
import { DashboardPage, type QueueCounts } from './dashboard-page';
import { HouseholdPage, HouseholdsPage, ResidentsPage } from './household-pages';
import type { SiteOption } from './officer-layout';
import { OfficerServices } from './officer-services';
import {
  EmployersPage,
  ExportsPage,
  FollowUpsPage,
  ImportPage,
  ImportStatusPage,
  MatchesPage,
  type MatchFilters,
  NotificationsPage,
  PlacementsPage,
} from './work-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A UUID from the query, or undefined; anything else is a 404 (a page that cannot exist). */
function optionalId(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!UUID.test(v)) throw new NotFoundError('Page');
  return v.toLowerCase();
}

function pageNumber(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}

function requireId(v: string): string {
  if (!UUID.test(v)) throw new NotFoundError('Page');
  return v.toLowerCase();
}

/**
 * The officer's pages (DESIGN.md "The web": officers work from queues; charts summarize; every
 * number links to the list behind it; everything exportable). Each handler calls the same
 * service as the API with the signed-in officer, so ScopePolicy, 404s for objects out of scope
 * and audit entries are exactly the API's.
 */
@ApiExcludeController()
@Controller('officer')
export class OfficerPagesController {
  constructor(private readonly s: OfficerServices) {}

  private async sites(user: AuthUser): Promise<SiteOption[]> {
    const list = await this.s.regions.listSites(
      user,
      Object.assign(new SiteQuery(), { page: 1, pageSize: 100 }),
    );
    return list.items.map((x) => ({ id: x.id, name: x.name }));
  }

  private async siteNames(user: AuthUser): Promise<Map<string, string>> {
    return new Map((await this.sites(user)).map((x) => [x.id, x.name]));
  }

  @Get()
  @Allow('officer')
  async dashboard(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
  ) {
    const sites = await this.sites(user);
    const asked = optionalId(siteQ);
    if (asked && !sites.some((x) => x.id === asked)) throw new NotFoundError('Site');
    const siteId = asked ?? sites[0]?.id ?? null;
    const [summary, dashboard, queues] = await Promise.all([
      siteId ? this.s.indicators.summarize([siteId]) : null,
      siteId ? this.s.dashboards.dashboard(user, siteId) : null,
      this.queueCounts(user, siteId ?? undefined),
    ]);
    return render(
      reply,
      <DashboardPage sites={sites} siteId={siteId} summary={summary} dashboard={dashboard} queues={queues} />,
    );
  }

  private async queueCounts(user: AuthUser, siteId: string | undefined): Promise<QueueCounts> {
    const [zero, matches, followUps, employers, unread] = await Promise.all([
      this.s.households.list(
        user,
        Object.assign(new HouseholdQuery(), { siteId, zeroEmployment: true, pageSize: 1 }),
      ),
      this.s.matches.queue(user, Object.assign(new MatchQueueQuery(), { siteId, pageSize: 1 })),
      this.s.followUps.list(user, Object.assign(new FollowUpTaskQuery(), { siteId, pageSize: 1 })),
      this.s.employers.list(user, Object.assign(new EmployerQuery(), { verified: false, pageSize: 1 })),
      this.s.inbox.unreadCount(user),
    ]);
    return {
      zeroEmployment: zero.total,
      matches: matches.total,
      followUps: followUps.total,
      employers: employers.total,
      unread: unread.count,
    };
  }

  @Get('households')
  @Allow('officer')
  async households(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('zeroEmployment') zeroQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const zeroEmployment = zeroQ === 'true';
    const names = await this.siteNames(user);
    if (siteId && !names.has(siteId)) throw new NotFoundError('Site');
    const list = await this.s.households.list(
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
    const labels = await this.s.households.labelsOf(
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
    const household = await this.s.households.get(user, id);
    const members = await this.s.residents.list(
      user,
      Object.assign(new ResidentQuery(), { householdId: id, pageSize: 100 }),
    );
    const [site, labels, origin] = await Promise.all([
      this.s.regions.findSite(household.siteId),
      this.s.households.labelsOf(user, [id]),
      this.s.regions.regionPath(household.originRegionCode),
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
    const sites = await this.sites(user);
    if (siteId && !sites.some((x) => x.id === siteId)) throw new NotFoundError('Site');
    const list = await this.s.residents.list(
      user,
      Object.assign(new ResidentQuery(), { siteId, page: pageNumber(pageQ), pageSize: 50 }),
    );
    return render(reply, <ResidentsPage sites={sites} siteId={siteId} list={list} />);
  }

  @Get('matches')
  @Allow('officer')
  async matchList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('postingId') postingQ?: string,
    @Query('band') bandQ?: string,
    @Query('zeroEmployment') zeroQ?: string,
    @Query('done') doneQ?: string,
    @Query('page') pageQ?: string,
  ) {
    // Anything unusable in the query string is ignored (a typed URL never earns a 500).
    const filters: MatchFilters = {
      siteId: optionalId(siteQ),
      postingId: optionalId(postingQ),
      band: (SCORE_BANDS as readonly string[]).includes(bandQ ?? '') ? (bandQ as ScoreBand) : undefined,
      zeroEmployment: zeroQ === 'true' ? true : undefined,
    };
    const done = doneQ === 'referred' || doneQ === 'dismissed' ? doneQ : undefined;
    return this.renderMatches(reply, user, filters, pageNumber(pageQ), undefined, done);
  }

  private async renderMatches(
    reply: FastifyReply,
    user: AuthUser,
    filters: MatchFilters,
    pageNo: number,
    failed?: { matchId: string; error: 'officer.matches.reasonRequired' | 'officer.matches.failed' },
    done?: 'referred' | 'dismissed',
  ) {
    const { lang } = webContextOf(reply.request);
    const list = await this.s.matches.queue(
      user,
      Object.assign(new MatchQueueQuery(), { ...filters, page: pageNo, pageSize: 20, lang }),
    );
    const postings = await this.s.matches.queuePostings(user, { siteId: filters.siteId, status: 'new' });
    return render(
      reply,
      <MatchesPage
        sites={await this.sites(user)}
        postings={postings}
        filters={filters}
        list={list}
        failed={failed}
        done={done}
      />,
      { status: failed ? 400 : 200 },
    );
  }

  @Post('matches/:id/refer')
  @Allow('officer')
  async refer(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    await this.s.matches.refer(user, requireId(idP));
    return redirect(reply, '/officer/matches?done=referred');
  }

  @Post('matches/:id/dismiss')
  @Allow('officer')
  async dismiss(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, ['reason']);
    const { value, errors } = await validateForm(DismissMatchDto, values, {
      reason: 'officer.matches.reasonRequired',
    });
    if (Object.keys(errors).length)
      return this.renderMatches(reply, user, {}, 1, {
        matchId: id,
        error: 'officer.matches.reasonRequired',
      });
    await this.s.matches.dismiss(user, id, value.reason);
    return redirect(reply, '/officer/matches?done=dismissed');
  }

  @Get('placements')
  @Allow('officer')
  async placementList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('month') monthQ?: string,
    @Query('active') activeQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const month = monthQ && MONTH.test(monthQ) ? monthQ : undefined;
    const active = activeQ === 'true' ? true : undefined;
    const sites = await this.sites(user);
    let items: PlacementDto[];
    let total: number;
    const pageNo = pageNumber(pageQ);
    const pageSize = 50;
    if (month) {
      // The list behind a bar of "placements per month": placements that started in the month.
      // The service lists by start date, newest first; read pages until the month is passed.
      const found: PlacementDto[] = [];
      for (let p = 1; p <= 20; p++) {
        const chunk = await this.s.placements.list(
          user,
          Object.assign(new PlacementQuery(), { siteId, active, page: p, pageSize: 100 }),
        );
        found.push(...chunk.items.filter((x) => x.startDate.startsWith(month)));
        const last = chunk.items[chunk.items.length - 1];
        if (!last || last.startDate < `${month}-01` || chunk.items.length < 100) break;
      }
      total = found.length;
      items = found.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    } else {
      const list = await this.s.placements.list(
        user,
        Object.assign(new PlacementQuery(), { siteId, active, page: pageNo, pageSize }),
      );
      items = list.items;
      total = list.total;
    }
    return render(
      reply,
      <PlacementsPage
        sites={sites}
        siteId={siteId}
        month={month}
        active={active}
        items={items}
        total={total}
        page={pageNo}
        pageSize={pageSize}
      />,
    );
  }

  @Post('placements/:id/end')
  @Allow('officer')
  async endPlacement(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const { value, errors } = await validateForm(
      EndPlacementDto,
      formValues(body, ['endDate', 'reason']),
      {},
    );
    if (Object.keys(errors).length) throw new InvalidInputError(Object.keys(errors)[0], 'check this field');
    await this.s.placements.end(user, id, value);
    return redirect(reply, '/officer/placements?active=true&done=ended');
  }

  @Get('follow-ups')
  @Allow('officer')
  async followUpList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('page') pageQ?: string,
  ) {
    const siteId = optionalId(siteQ);
    const list = await this.s.followUps.list(
      user,
      Object.assign(new FollowUpTaskQuery(), { siteId, page: pageNumber(pageQ), pageSize: 20 }),
    );
    return render(reply, <FollowUpsPage sites={await this.sites(user)} siteId={siteId} list={list} />);
  }

  @Post('placements/:id/follow-up')
  @Allow('officer')
  async recordFollowUp(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, ['date', 'stillEmployed', 'monthlyIncome', 'note', 'taskId']);
    const income = values.monthlyIncome ? Number(values.monthlyIncome) : undefined;
    const { value, errors } = await validateForm(
      CreateFollowUpDto,
      {
        date: values.date,
        stillEmployed:
          values.stillEmployed === 'true' ? true : values.stillEmployed === 'false' ? false : undefined,
        monthlyIncome: income,
        note: values.note,
      },
      {},
    );
    const fail = async (errs: FormErrors) => {
      const list = await this.s.followUps.list(
        user,
        Object.assign(new FollowUpTaskQuery(), { pageSize: 20 }),
      );
      return render(
        reply,
        <FollowUpsPage
          sites={await this.sites(user)}
          list={list}
          failed={{ taskId: values.taskId ?? '', errors: errs, values }}
        />,
        { status: 400 },
      );
    };
    if (Object.keys(errors).length) return fail(errors);
    try {
      await this.s.placements.addFollowUp(user, id, value);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) {
        const errs: FormErrors = {};
        for (const d of e.details ?? []) errs[d.field] = 'form.fixErrors';
        return fail(Object.keys(errs).length ? errs : { date: 'form.fixErrors' });
      }
      throw e;
    }
    return redirect(reply, '/officer/follow-ups?done=followUp');
  }

  @Get('notifications')
  @Allow('officer')
  async notifications(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('page') pageQ?: string,
  ) {
    const list = await this.s.inbox.list(
      user,
      Object.assign(new NotificationQuery(), { page: pageNumber(pageQ), pageSize: 30 }),
    );
    return render(reply, <NotificationsPage list={list} />);
  }

  @Post('notifications/read-all')
  @Allow('officer')
  async readAll(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    await this.s.inbox.markAllRead(user);
    return redirect(reply, '/officer/notifications');
  }

  @Get('employers')
  @Allow('officer')
  async employers(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('page') pageQ?: string,
    @Query('done') done?: string,
  ) {
    return this.renderEmployers(reply, user, pageNumber(pageQ), {
      notice: done === 'rejected' ? webContextOf(reply.request).t('officer.employers.rejected') : undefined,
    });
  }

  private async renderEmployers(
    reply: FastifyReply,
    user: AuthUser,
    page: number,
    opts: { notice?: string; errorFor?: string } = {},
  ) {
    const list = await this.s.employers.list(
      user,
      Object.assign(new EmployerQuery(), { verified: false, page, pageSize: 30 }),
    );
    return render(reply, <EmployersPage list={list} {...opts} />, {
      status: opts.errorFor ? 400 : undefined,
    });
  }

  @Post('employers/:id/reject')
  @Allow('officer')
  async rejectEmployer(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const { value, errors } = await validateForm(RejectEmployerDto, formValues(body, ['reason']), {});
    if (Object.keys(errors).length || !value.reason.trim())
      return this.renderEmployers(reply, user, 1, { errorFor: id });
    await this.s.employers.reject(user, id, value);
    return redirect(reply, '/officer/employers?done=rejected');
  }

  @Post('employers/:id/verify')
  @Allow('officer')
  async verify(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    await this.s.employers.verify(user, requireId(idP));
    return redirect(reply, '/officer/employers?done=verified');
  }

  @Get('import')
  @Allow('officer')
  async importForm(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
  ) {
    return render(reply, <ImportPage sites={await this.sites(user)} siteId={optionalId(siteQ)} />);
  }

  /** Multipart: the CSRF token came in the action URL (checked before this handler runs). */
  @Post('import')
  @Allow('officer')
  async importUpload(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const sites = await this.sites(user);
    const fail = (
      error: 'officer.import.noFile' | 'officer.import.badFile' | 'officer.import.noSite',
      siteId?: string,
    ) => render(reply, <ImportPage sites={sites} siteId={siteId} error={error} />, { status: 400 });
    if (!req.isMultipart()) return fail('officer.import.noFile');
    const upload: RosterUpload = {
      siteId: undefined,
      fileName: undefined,
      mime: undefined,
      content: undefined,
    };
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && content.length > 0)
          Object.assign(upload, { fileName: part.filename, mime: part.mimetype, content });
      } else if (part.fieldname === 'siteId') {
        upload.siteId = String(part.value).trim();
      }
    }
    try {
      const { id } = await this.s.imports.start(user, upload);
      return redirect(reply, `/officer/imports/${id}`);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) {
        const field = e.details?.[0]?.field;
        if (field === 'siteId') return fail('officer.import.noSite', upload.siteId);
        return fail(upload.content ? 'officer.import.badFile' : 'officer.import.noFile', upload.siteId);
      }
      throw e;
    }
  }

  @Get('imports/:id')
  @Allow('officer')
  async importStatus(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    const imp = await this.s.imports.get(user, requireId(idP));
    const site = await this.s.regions.findSite(imp.siteId);
    return render(reply, <ImportStatusPage imp={imp} siteName={site?.name ?? ''} />);
  }

  @Get('exports')
  @Allow('officer')
  async exports(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query('siteId') siteQ?: string) {
    const sites = await this.sites(user);
    const asked = optionalId(siteQ);
    if (asked && !sites.some((x) => x.id === asked)) throw new NotFoundError('Site');
    return render(reply, <ExportsPage sites={sites} siteId={asked ?? sites[0]?.id} />);
  }
}
