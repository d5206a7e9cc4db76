import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { ApplicationsService } from '../../applications/applications.service';
import { ApplicationQuery, UpdateApplicationDto } from '../../applications/dto/application.dto';
import { INDUSTRIES, SCHEDULES, type Industry, type Schedule } from '../../kernel/domain-enums';
import { ConflictError } from '../../kernel/domain-errors';
import { distanceKm } from '../../kernel/geo';
import { IdParam } from '../../platform/http/id-param';
import { RecommendationsService } from '../../matching/recommendations.service';
import { NotificationQuery } from '../../notifications/dto/notification.dto';
import { InboxService } from '../../notifications/inbox.service';
import type { PostingDto } from '../../postings/dto/posting.dto';
import { PostingsService } from '../../postings/postings.service';
import { RegionsService } from '../../regions/regions.service';
import { ResidentsService } from '../../residents/residents.service';
import { SkillsService } from '../../skills/skills.service';
import { withDone } from '../components/done-notice';
import type { FormErrors } from '../components/form';
import { type FormBody, formString, formStrings, formValues } from '../form-data';
import type { MessageKey } from '../../i18n/web/messages';
import { redirect, render, webContextOf } from '../render';
import type { JobItemView } from './job-item';
import { ApplicationsPage } from './applications-page';
import { NoRecordPage } from './no-record-page';
import { NotificationsPage } from './notifications-page';
import { ProfilePage, type ProfileTicks } from './profile-page';
import { RecommendationsPage } from './recommendations-page';
import { ResidentTravel } from './resident-travel';
import { residentContext, type ResidentCtx } from './resident-context';

const PAGE_SIZE = 10;

const first = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The resident's own things under /my: recommendations, applications, profile and skills,
 * notifications. Every call goes through the feature services with the session's AuthUser.
 */
@ApiExcludeController()
@Controller()
export class MyPagesController {
  constructor(
    private readonly postings: PostingsService,
    private readonly applications: ApplicationsService,
    private readonly recommendations: RecommendationsService,
    private readonly residents: ResidentsService,
    private readonly skills: SkillsService,
    private readonly regions: RegionsService,
    private readonly inbox: InboxService,
    private readonly travel: ResidentTravel,
  ) {}

  private residentCtx(user: AuthUser | undefined): Promise<ResidentCtx | null> {
    return residentContext(this.residents, this.regions, user);
  }

  // ---- /my -------------------------------------------------------------------------------

  @Get('my/recommendations')
  @Allow('resident')
  async forMe(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (!user.residentId) return render(reply, <NoRecordPage title="resident.forMe.title" />);
    const { lang } = webContextOf(reply.request);
    const ctx = await this.residentCtx(user);
    const recs = await this.recommendations.forResident(user, user.residentId, lang);
    const shown: { p: PostingDto; reason: string }[] = [];
    for (const r of recs.postings.slice(0, 20)) {
      const p = await this.postings.get(user, r.postingId).catch(() => null);
      if (p && p.status === 'open') shown.push({ p, reason: r.reason });
    }
    const site = ctx?.site;
    const ways = site
      ? await this.travel.trips(
          site,
          shown.map((s) => s.p),
        )
      : new Map<string, never>();
    const jobs: { job: JobItemView; reason: string }[] = shown.map(({ p, reason }) => {
      const km = site
        ? Math.round(distanceKm(site.latitude, site.longitude, p.latitude, p.longitude) * 10) / 10
        : null;
      return { job: { ...p, distanceKm: km, ...ways.get(p.id) }, reason };
    });
    return render(reply, <RecommendationsPage jobs={jobs} courses={recs.courses} />);
  }

  @Get('my/applications')
  @Allow('resident')
  async myApplications(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (!user.residentId) return render(reply, <NoRecordPage title="resident.apps.title" />);
    const q = reply.request.query as Record<string, unknown> | undefined;
    const pageNo = Math.min(1000, Math.max(1, Number.parseInt(first(q?.page), 10) || 1));
    const res = await this.applications.list(
      user,
      Object.assign(new ApplicationQuery(), { page: pageNo, pageSize: PAGE_SIZE }),
    );
    // The ?done= confirmation is the page's (RESIDENT_APPS_DONE, the one pattern of done-notice.ts).
    return render(
      reply,
      <ApplicationsPage items={res.items} page={res.page} pageSize={res.pageSize} total={res.total} />,
    );
  }

  @Post('my/applications/:id/withdraw')
  @Allow('resident')
  async withdraw(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      await this.applications.changeStatus(
        user,
        id,
        Object.assign(new UpdateApplicationDto(), { status: 'withdrawn' }),
      );
    } catch (e) {
      if (e instanceof ConflictError) return redirect(reply, '/my/applications?done=refused');
      throw e;
    }
    return redirect(reply, '/my/applications?done=withdrawn');
  }

  @Post('my/applications/:id/accept')
  @Allow('resident')
  async acceptInvitation(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      await this.applications.accept(user, id);
    } catch (e) {
      if (e instanceof ConflictError) return redirect(reply, '/my/applications?done=unanswerable');
      throw e;
    }
    return redirect(reply, '/my/applications?done=accepted');
  }

  @Post('my/applications/:id/decline')
  @Allow('resident')
  async declineInvitation(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      await this.applications.decline(user, id);
    } catch (e) {
      if (e instanceof ConflictError) return redirect(reply, '/my/applications?done=unanswerable');
      throw e;
    }
    return redirect(reply, '/my/applications?done=declined');
  }

  private async profilePage(
    reply: FastifyReply,
    user: AuthUser,
    opts: {
      notice?: string;
      errors?: FormErrors;
      values?: Record<string, string | undefined>;
      ticked?: ProfileTicks;
      status?: number;
    } = {},
  ) {
    const resident = await this.residents.get(user, user.residentId!);
    const skillq = first((reply.request.query as Record<string, unknown> | undefined)?.skillq)
      .trim()
      .slice(0, 50);
    const found = skillq ? (await this.skills.search(skillq)).slice(0, 12) : null;
    const all = await this.skills.all();
    const names = new Map([...all.values()].map((s) => [s.code, s.nameZh]));
    return render(
      reply,
      <ProfilePage
        resident={resident}
        skillNames={names}
        skillQuery={skillq}
        found={found}
        notice={opts.notice}
        errors={opts.errors}
        values={opts.values}
        ticked={opts.ticked}
      />,
      { status: opts.status },
    );
  }

  @Get('my/profile')
  @Allow('resident')
  async profile(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (!user.residentId) return render(reply, <NoRecordPage title="resident.profile.title" />);
    const q = reply.request.query as Record<string, unknown> | undefined;
    const { t } = webContextOf(reply.request);
    let notice: string | undefined;
    const all = await this.skills.all();
    const skillName = (code: string) => all.get(code)?.nameZh ?? code;
    if (first(q?.added)) notice = t('resident.profile.skillAdded', { name: skillName(first(q?.added)) });
    if (first(q?.removed))
      notice = t('resident.profile.skillRemoved', { name: skillName(first(q?.removed)) });
    return this.profilePage(reply, user, { notice });
  }

  @Post('my/profile')
  @Allow('resident')
  async saveProfile(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    if (!user.residentId) return render(reply, <NoRecordPage title="resident.profile.title" />);
    const values = formValues(body, ['wageMin', 'maxCommuteMinutes']);
    const errors: FormErrors = {};
    const num = (v: string | undefined, max: number, field: string, msg: MessageKey): number | null => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > max) {
        errors[field] = msg;
        return null;
      }
      return Math.round(n * 10) / 10;
    };
    const wageMin = num(values.wageMin, 1000000, 'wageMin', 'resident.profile.wageMin.invalid');
    // Minutes, one way, a whole number from 5 to 240 (the API's rule for maxCommuteMinutes).
    const minutes = values.maxCommuteMinutes ? Number(values.maxCommuteMinutes) : null;
    if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 5 && minutes <= 240))
      errors.maxCommuteMinutes = 'resident.profile.maxCommute.invalid';
    const industries = [...new Set(formStrings(body, 'industries'))].filter((i): i is Industry =>
      (INDUSTRIES as readonly string[]).includes(i),
    );
    const schedules = [...new Set(formStrings(body, 'schedules'))].filter((s): s is Schedule =>
      (SCHEDULES as readonly string[]).includes(s),
    );
    const ticked = {
      industries,
      schedules,
      willingToWorkAway: formString(body, 'willingToWorkAway') === '1',
      consentToShare: formString(body, 'consentToShare') === '1',
      jobAlerts: formString(body, 'jobAlerts') === '1',
    };
    // A refused form shows everything that was entered, ticks included (issue 13 item 2).
    if (Object.keys(errors).length)
      return this.profilePage(reply, user, { errors, values, ticked, status: 400 });
    await this.residents.update(user, user.residentId, {
      preferences: {
        industries,
        schedules,
        wageMin: wageMin === null ? null : Math.round(wageMin),
        // Left empty: no minutes stated (a km limit saved before still counts, converted).
        maxCommuteMinutes: minutes,
        willingToWorkAway: ticked.willingToWorkAway,
      },
      consentToShare: ticked.consentToShare,
      jobAlerts: ticked.jobAlerts,
    });
    return redirect(reply, withDone('/my/profile', 'saved'));
  }

  @Post('my/profile/skills')
  @Allow('resident')
  async addSkill(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    if (!user.residentId) return render(reply, <NoRecordPage title="resident.profile.title" />);
    const code = formString(body, 'code');
    const level = Math.min(4, Math.max(1, Number.parseInt(formString(body, 'level'), 10) || 1));
    const all = await this.skills.all();
    if (!all.has(code)) return this.profilePage(reply, user, { status: 400 });
    const current = await this.residents.get(user, user.residentId);
    const skills = current.skills
      .filter((s) => s.code !== code)
      .map((s) => ({ code: s.code, level: s.level }));
    skills.push({ code, level });
    await this.residents.update(user, user.residentId, { skills });
    return redirect(reply, `/my/profile?added=${encodeURIComponent(code)}#skills`);
  }

  @Post('my/profile/skills/remove')
  @Allow('resident')
  async removeSkill(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    if (!user.residentId) return render(reply, <NoRecordPage title="resident.profile.title" />);
    const code = formString(body, 'code');
    const current = await this.residents.get(user, user.residentId);
    const skills = current.skills
      .filter((s) => s.code !== code)
      .map((s) => ({ code: s.code, level: s.level }));
    await this.residents.update(user, user.residentId, { skills });
    return redirect(reply, `/my/profile?removed=${encodeURIComponent(code)}#skills`);
  }

  @Get('my/notifications')
  @Allow('resident')
  async notifications(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const q = reply.request.query as Record<string, unknown> | undefined;
    const pageNo = Math.min(1000, Math.max(1, Number.parseInt(first(q?.page), 10) || 1));
    const res = await this.inbox.list(
      user,
      Object.assign(new NotificationQuery(), { page: pageNo, pageSize: 20 }),
    );
    return render(
      reply,
      <NotificationsPage items={res.items} page={res.page} pageSize={res.pageSize} total={res.total} />,
    );
  }

  @Post('my/notifications/read-all')
  @Allow('resident')
  async readAll(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    await this.inbox.markAllRead(user);
    return redirect(reply, '/my/notifications');
  }

  @Post('my/notifications/:id/read')
  @Allow('resident')
  async read(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    await this.inbox.markRead(user, id);
    return redirect(reply, '/my/notifications');
  }
}
