import { Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Public } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { CLOSED_FOR_UNIQUENESS, type ApplicationStatus } from '../../applications/application-status';
import { ApplicationsService } from '../../applications/applications.service';
import { ApplicationQuery, CreateApplicationDto } from '../../applications/dto/application.dto';
import { ConflictError } from '../../kernel/domain-errors';
import { distanceKm } from '../../kernel/geo';
import { IdParam } from '../../platform/http/id-param';
import { PostingSearchQuery } from '../../postings/dto/posting-search.dto';
import { PostingSearchService } from '../../postings/posting-search.service';
import { PostingsService } from '../../postings/postings.service';
import type { Site } from '../../regions/site.entity';
import { RegionsService } from '../../regions/regions.service';
import { ResidentsService } from '../../residents/residents.service';
import { AppConfig } from '../../platform/config/app-config';
import { ROLE_HOME } from '../components/nav';
import type { MessageKey } from '../../i18n/web/messages';
import { redirect, render, webContextOf } from '../render';
import type { SiteChoice } from './job-search-parts';
import { JobsPage } from './jobs-page';
import { ResidentHomePage } from './resident-home-page';
import { parseJobsParams } from './jobs-search';
import { PostingPage } from './posting-page';
import { ResidentTravel } from './resident-travel';
import { residentContext, type ResidentCtx } from './resident-context';

const HOME_JOBS = 10;
const PAGE_SIZE = 10;

const first = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A visitor's chosen site (an id; nothing personal). */
const SITE_COOKIE = 'site';

/**
 * The resident's first screen, job search, a posting and applying. Every call goes through the
 * feature services with the session's AuthUser (same scope as the API).
 */
@ApiExcludeController()
@Controller()
export class JobsPagesController {
  constructor(
    private readonly search: PostingSearchService,
    private readonly postings: PostingsService,
    private readonly applications: ApplicationsService,
    private readonly residents: ResidentsService,
    private readonly regions: RegionsService,
    private readonly config: AppConfig,
    private readonly travel: ResidentTravel,
  ) {}

  /**
   * A visitor who is not a resident picks a site (`?site=` from the picker, '' forgets it); the
   * choice is kept in a cookie so every job list and posting shows its distance from there.
   */
  private async visitorSite(reply: FastifyReply): Promise<Site | null> {
    const req = reply.request;
    const asked = (req.query as Record<string, unknown> | undefined)?.site;
    if (typeof asked === 'string') {
      const site = /^[0-9a-f-]{36}$/i.test(asked) ? await this.regions.findSite(asked) : null;
      if (site) {
        void reply.setCookie(SITE_COOKIE, site.id, {
          httpOnly: true,
          sameSite: 'lax',
          secure: this.config.cookieSecure,
          path: '/',
          maxAge: 365 * 24 * 3600,
        });
      } else void reply.clearCookie(SITE_COOKIE, { path: '/' });
      return site;
    }
    const kept = req.cookies[SITE_COOKIE];
    return kept && /^[0-9a-f-]{36}$/i.test(kept) ? this.regions.findSite(kept) : null;
  }

  /** The sites a visitor may pick from (name order). */
  private async siteChoices(): Promise<SiteChoice[]> {
    return (await this.regions.allSites()).map((s) => ({ id: s.id, name: s.name }));
  }

  private residentCtx(user: AuthUser | undefined): Promise<ResidentCtx | null> {
    return residentContext(this.residents, this.regions, user);
  }

  private searchQuery(over: Partial<PostingSearchQuery>): PostingSearchQuery {
    return Object.assign(new PostingSearchQuery(), over);
  }

  // ---- first screen and search -----------------------------------------------------------

  @Get()
  @Public()
  async home(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser | undefined) {
    if (user && user.role !== 'resident') return redirect(reply, ROLE_HOME[user.role]);
    const ctx = await this.residentCtx(user);
    if (ctx?.site) {
      // "Near home" is the resident's own limit in minutes (their km converted, else the default).
      const res = await this.search.search(
        this.searchQuery({
          siteId: ctx.site.id,
          maxTravelMinutes: this.travel.limitMinutes(ctx.resident.preferences),
          sort: 'nearest',
          pageSize: HOME_JOBS,
        }),
      );
      return render(reply, <ResidentHomePage siteName={ctx.site.name} jobs={res.items} />);
    }
    const site = await this.visitorSite(reply);
    const res = await this.search.search(
      this.searchQuery({ sort: 'newest', pageSize: HOME_JOBS, siteId: site?.id }),
    );
    return render(
      reply,
      <ResidentHomePage
        jobs={res.items.map((j) => ({ ...j, siteName: site?.name }))}
        picker={{ sites: await this.siteChoices(), chosen: site }}
      />,
    );
  }

  @Get('jobs')
  @Public()
  async jobs(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser | undefined) {
    const params = parseJobsParams((reply.request.query ?? {}) as Record<string, unknown>);
    const ctx = await this.residentCtx(user);
    const visitor = ctx ? null : await this.visitorSite(reply);
    const minutes = ctx ? this.travel.limitMinutes(ctx.resident.preferences) : 0;
    const siteId = ctx?.site?.id ?? visitor?.id;
    // A band (「30 分钟以内」) wins over the resident's own limit (离家近); both need a site.
    const within = siteId ? (params.travel ?? (ctx?.site && params.near ? minutes : undefined)) : undefined;
    const res = await this.search.search(
      this.searchQuery({
        q: params.q || undefined,
        industry: params.industry,
        schedule: params.schedule,
        wageMin: params.wageMin,
        shuttle: params.shuttle ? true : undefined,
        accommodation: params.accommodation ? true : undefined,
        siteId,
        maxTravelMinutes: within,
        sort: within !== undefined && !params.q ? 'nearest' : undefined,
        page: params.page,
        pageSize: PAGE_SIZE,
      }),
    );
    return render(
      reply,
      <JobsPage
        params={params}
        site={ctx?.site ? { name: ctx.site.name, minutes } : null}
        picker={ctx ? undefined : { sites: await this.siteChoices(), chosen: visitor }}
        jobs={visitor ? res.items.map((j) => ({ ...j, siteName: visitor.name })) : res.items}
        total={res.total}
        pageSize={PAGE_SIZE}
      />,
    );
  }

  // ---- a posting and applying ---------------------------------------------------------------

  private async postingPage(
    reply: FastifyReply,
    user: AuthUser | undefined,
    id: string,
    opts: { justApplied?: boolean; error?: string; status?: number } = {},
  ) {
    const posting = await this.postings.get(user, id);
    const ctx = await this.residentCtx(user);
    let applied: ApplicationStatus | null = null;
    let before: ApplicationStatus | null = null;
    if (ctx) {
      const mine = await this.applications.list(
        user!,
        Object.assign(new ApplicationQuery(), { postingId: id }),
      );
      const closed = (s: ApplicationStatus) => CLOSED_FOR_UNIQUENESS.includes(s);
      applied = mine.items.find((a) => !closed(a.status))?.status ?? null;
      before = mine.items.find((a) => closed(a.status))?.status ?? null;
    }
    const from = ctx ? ctx.site : await this.visitorSite(reply);
    const km = from
      ? Math.round(distanceKm(from.latitude, from.longitude, posting.latitude, posting.longitude) * 10) / 10
      : null;
    const travel = from ? (await this.travel.trips(from, [posting])).get(posting.id) : null;
    return render(
      reply,
      <PostingPage
        posting={posting}
        distanceKm={km}
        travel={travel}
        siteName={ctx ? undefined : from?.name}
        applied={applied}
        before={before}
        justApplied={opts.justApplied}
        error={opts.error}
      />,
      { status: opts.status },
    );
  }

  @Get('jobs/:id')
  @Public()
  posting(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser | undefined) {
    const applied = first((reply.request.query as Record<string, unknown> | undefined)?.applied) === '1';
    return this.postingPage(reply, user, id, { justApplied: applied });
  }

  @Post('jobs/:id/apply')
  @Allow('resident')
  async apply(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      await this.applications.apply(user, Object.assign(new CreateApplicationDto(), { postingId: id }));
    } catch (e) {
      if (e instanceof ConflictError) {
        const { t } = webContextOf(reply.request);
        const why: MessageKey =
          e.code === 'posting.not_open'
            ? 'jobs.applyNotOpen'
            : e.code === 'application.duplicate'
              ? 'jobs.applyDuplicate'
              : 'jobs.applyRule';
        return this.postingPage(reply, user, id, {
          error: t('jobs.applyFailed', { reason: t(why) }),
          status: 409,
        });
      }
      throw e;
    }
    return redirect(reply, `/jobs/${id}?applied=1`);
  }
}
