import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../applications/application-status';
import { ApplicationsService } from '../../applications/applications.service';
import {
  ApplicationQuery,
  InviteApplicationDto,
  UpdateApplicationDto,
} from '../../applications/dto/application.dto';
import { ConflictError, NotFoundError } from '../../common/domain-errors';
import { IdParam } from '../../common/id-param';
import { CreateEmployerDto } from '../../employers/dto/employer.dto';
import { EmployersService } from '../../employers/employers.service';
import { PostingMatchesQuery } from '../../matching/dto/match.dto';
import { MatchesService } from '../../matching/matches.service';
import { CreatePostingDto, PostingListQuery, type PostingDto } from '../../postings/dto/posting.dto';
import { PostingsService } from '../../postings/postings.service';
import { RegionsService } from '../../regions/regions.service';
import { SkillsService } from '../../skills/skills.service';
import type { FormErrors, FormValues } from '../components/form';
import {
  type FormBody,
  formString,
  formStrings,
  formValues,
  serviceFieldError,
  validateForm,
} from '../form-data';
import type { MessageKey } from '../i18n/messages';
import { redirect, render, webContextOf } from '../render';
import { statusKey } from '../../i18n/status-vocabulary';
import {
  ApplicantsPage,
  CandidatesPage,
  EmployerCreatePage,
  EmployerHomePage,
  type PickedSkill,
  PostingFormPage,
  PostingsListPage,
  skillOptionsFrom,
  type Township,
} from './employer-pages';

const EMPLOYER_MESSAGES: Record<string, MessageKey> = {
  name: 'employer.field.name.invalid',
  creditCode: 'employer.field.creditCode.invalid',
  kind: 'employer.field.kind.invalid',
  industry: 'employer.field.industry.invalid',
  regionCode: 'employer.field.region.invalid',
  address: 'employer.field.address.invalid',
  latitude: 'employer.field.latitude.invalid',
  longitude: 'employer.field.longitude.invalid',
};

const POSTING_MESSAGES: Record<string, MessageKey> = {
  title: 'employer.form.title.invalid',
  description: 'employer.form.description.invalid',
  industry: 'employer.field.industry.invalid',
  headcount: 'employer.form.headcount.invalid',
  wageMin: 'employer.form.wage.invalid',
  wageMax: 'employer.form.wageMax.invalid',
  wageUnit: 'employer.form.wage.invalid',
  schedule: 'form.fixErrors',
  address: 'employer.field.address.invalid',
  skills: 'employer.form.skills.invalid',
  regionCode: 'employer.field.region.invalid',
  shiftStart: 'employer.form.shiftStart.invalid',
  shiftEnd: 'employer.form.shiftEnd.invalid',
};

const POSTING_FIELDS = [
  'title',
  'description',
  'industry',
  'headcount',
  'wageMin',
  'wageMax',
  'wageUnit',
  'schedule',
  'address',
  'shiftStart',
  'shiftEnd',
];
const POSTING_FLAGS = ['shuttle', 'accommodation', 'meals', 'publicWelfare'] as const;

const first = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A number typed into a form; '' stays '' (dropped as empty), junk becomes NaN (refused by the DTO). */
const num = (v: string | undefined): number | string => (v ? Number(v) : '');
/** A time typed without its leading zero (7:30, where the browser has no time picker) as 07:30. */
const clock = (v: string | undefined): string => (v && /^\d:\d\d$/.test(v) ? `0${v}` : (v ?? ''));

/**
 * The employer's pages: company profile and verification, vacancies (new, edit, publish,
 * close), applicants with the hiring pipeline, and matched candidates who consented (masked).
 */
@ApiExcludeController()
@Controller()
export class EmployerPagesController {
  constructor(
    private readonly employers: EmployersService,
    private readonly postings: PostingsService,
    private readonly applications: ApplicationsService,
    private readonly matches: MatchesService,
    private readonly regions: RegionsService,
    private readonly skills: SkillsService,
  ) {}

  /** The townships that have a resettlement site, for the company's region. */
  private async townships(): Promise<(Township & { latitude: number; longitude: number })[]> {
    const sites = await this.regions.directory();
    const seen = new Map<string, Township & { latitude: number; longitude: number }>();
    for (const s of sites) {
      const name = (s as { regionName?: string }).regionName ?? s.regionCode;
      if (!seen.has(s.regionCode))
        seen.set(s.regionCode, { code: s.regionCode, name, latitude: s.latitude, longitude: s.longitude });
    }
    return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  // ---- company --------------------------------------------------------------------------

  @Get('employer')
  @Allow('employer')
  async home(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (!user.employerId) return render(reply, <EmployerCreatePage townships={await this.townships()} />);
    const employer = await this.employers.get(user, user.employerId);
    const region = await this.regions.findRegion(employer.regionCode);
    return render(reply, <EmployerHomePage employer={employer} regionName={region?.name ?? ''} />);
  }

  @Post('employer')
  @Allow('employer')
  async create(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    if (user.employerId) return redirect(reply, '/employer');
    const values = formValues(body, [
      'name',
      'creditCode',
      'kind',
      'industry',
      'regionCode',
      'address',
      'latitude',
      'longitude',
    ]);
    const townships = await this.townships();
    const fail = (errors: FormErrors, status = 400) =>
      render(reply, <EmployerCreatePage townships={townships} values={values} errors={errors} />, { status });
    // No coordinates typed: the township's resettlement site is close enough to start with.
    const town = townships.find((r) => r.code === values.regionCode);
    const lat = values.latitude ? Number(values.latitude) : (town?.latitude ?? '');
    const lon = values.longitude ? Number(values.longitude) : (town?.longitude ?? '');
    const { value, errors } = await validateForm(
      CreateEmployerDto,
      { ...values, latitude: lat, longitude: lon },
      EMPLOYER_MESSAGES,
    );
    if (Object.keys(errors).length) return fail(errors);
    try {
      await this.employers.create(user, value);
    } catch (e) {
      if (e instanceof ConflictError && e.code === 'employer.duplicate_credit_code')
        return fail({ creditCode: 'employer.field.creditCode.taken' }, 409);
      const fieldErrors = serviceFieldError(e, EMPLOYER_MESSAGES);
      if (fieldErrors) return fail(fieldErrors);
      throw e;
    }
    return redirect(reply, '/employer');
  }

  // ---- vacancies ------------------------------------------------------------------------

  @Get('employer/postings')
  @Allow('employer')
  async list(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (!user.employerId) return redirect(reply, '/employer');
    const res = await this.postings.listMine(user, Object.assign(new PostingListQuery(), { pageSize: 100 }));
    const { t } = webContextOf(reply.request);
    const done = first((reply.request.query as Record<string, unknown> | undefined)?.done);
    const notices: Record<string, MessageKey> = {
      published: 'employer.postings.published',
      closed: 'employer.postings.closedDone',
      saved: 'employer.postings.saved',
    };
    const errorsByCode: Record<string, MessageKey> = {
      unverified: 'employer.postings.unverified',
      refused: 'employer.postings.cannot',
    };
    return render(
      reply,
      <PostingsListPage
        postings={res.items}
        notice={notices[done] ? t(notices[done]) : undefined}
        error={errorsByCode[done] ? t(errorsByCode[done]) : undefined}
      />,
    );
  }

  private async skillPicks(
    body: FormBody,
  ): Promise<{ chosen: PickedSkill[]; found: PickedSkill[] | null; skillq: string }> {
    const all = await this.skills.all();
    const codes = [...new Set(formStrings(body, 'skill'))].filter((c) => all.has(c)).slice(0, 30);
    const chosen = codes.map((code) => ({
      code,
      name: all.get(code)!.nameZh,
      minLevel: Math.min(4, Math.max(1, Number.parseInt(formString(body, `level_${code}`), 10) || 1)),
      required: formString(body, `need_${code}`) !== 'preferred',
      checked: true,
    }));
    const skillq = formString(body, 'skillq').trim().slice(0, 50);
    const found = skillq
      ? skillOptionsFrom((await this.skills.search(skillq)).slice(0, 12), new Set(codes))
      : null;
    return { chosen, found, skillq };
  }

  private postingValues(body: FormBody): FormValues {
    const values = formValues(body, POSTING_FIELDS);
    for (const f of POSTING_FLAGS) values[f] = formString(body, f) === '1' ? '1' : '';
    return values;
  }

  private formOf(p: PostingDto): { values: FormValues; chosen: PickedSkill[] } {
    const values: FormValues = {
      title: p.title,
      description: p.description,
      industry: p.industry,
      headcount: String(p.headcount),
      wageMin: String(p.wageMin),
      wageMax: String(p.wageMax),
      wageUnit: p.wageUnit,
      schedule: p.schedule,
      address: p.address,
      shiftStart: p.shiftStart ?? '',
      shiftEnd: p.shiftEnd ?? '',
    };
    for (const f of POSTING_FLAGS) values[f] = p[f] ? '1' : '';
    const chosen = p.skills.map((s) => ({
      code: s.code,
      name: s.nameZh,
      minLevel: s.minLevel,
      required: s.required,
      checked: true,
    }));
    return { values, chosen };
  }

  @Get('employer/postings/new')
  @Allow('employer')
  async newForm(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (!user.employerId) return redirect(reply, '/employer');
    const employer = await this.employers.get(user, user.employerId);
    const values: FormValues = {
      industry: employer.industry,
      headcount: '1',
      wageUnit: 'day',
      schedule: 'full_time',
    };
    return render(reply, <PostingFormPage values={values} chosen={[]} found={null} skillQuery="" />);
  }

  @Get('employer/postings/:id/edit')
  @Allow('employer')
  async editForm(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const p = await this.postings.get(user, id);
    if (p.employerId !== user.employerId) return this.notFound();
    const { values, chosen } = this.formOf(p);
    return render(
      reply,
      <PostingFormPage postingId={id} values={values} chosen={chosen} found={null} skillQuery="" />,
    );
  }

  private notFound(): never {
    throw new NotFoundError('Posting');
  }

  /** Create (no id) or update: a skill search re-renders the form; a save validates and writes. */
  private async savePosting(reply: FastifyReply, user: AuthUser, body: FormBody, id?: string) {
    const values = this.postingValues(body);
    const picks = await this.skillPicks(body);
    const again = (errors: FormErrors = {}, status = 200) =>
      render(
        reply,
        <PostingFormPage
          postingId={id}
          values={values}
          errors={errors}
          chosen={picks.chosen}
          found={picks.found}
          skillQuery={picks.skillq}
        />,
        { status },
      );
    if (formString(body, 'action') === 'search') return again();
    const plain: Record<string, unknown> = {
      title: values.title,
      description: values.description,
      industry: values.industry,
      headcount: num(values.headcount),
      wageMin: num(values.wageMin),
      wageMax: num(values.wageMax),
      wageUnit: values.wageUnit,
      schedule: values.schedule,
      address: values.address,
      shiftStart: clock(values.shiftStart),
      shiftEnd: clock(values.shiftEnd),
      skills: picks.chosen.map((s) => ({ code: s.code, minLevel: s.minLevel, required: s.required })),
    };
    for (const f of POSTING_FLAGS) plain[f] = values[f] === '1';
    const { value, errors } = await validateForm(CreatePostingDto, plain, POSTING_MESSAGES);
    if (
      !errors.wageMax &&
      typeof plain.wageMin === 'number' &&
      typeof plain.wageMax === 'number' &&
      plain.wageMax < plain.wageMin
    )
      errors.wageMax = 'employer.form.wageMax.invalid';
    if (Object.keys(errors).length) return again(errors, 400);
    // An emptied time clears the shift (the form drops empty fields before validating).
    value.shiftStart = (plain.shiftStart as string) || null;
    value.shiftEnd = (plain.shiftEnd as string) || null;
    try {
      if (id) await this.postings.update(user, id, value);
      else await this.postings.create(user, value);
    } catch (e) {
      const fieldErrors = serviceFieldError(e, POSTING_MESSAGES);
      if (fieldErrors) {
        const mapped: FormErrors = {};
        for (const [k, v] of Object.entries(fieldErrors)) mapped[k.startsWith('skills') ? 'skills' : k] = v;
        return again(mapped, 400);
      }
      if (e instanceof ConflictError && id) return redirect(reply, '/employer/postings?done=refused');
      throw e;
    }
    return redirect(reply, '/employer/postings?done=saved');
  }

  @Post('employer/postings')
  @Allow('employer')
  async createPosting(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    if (!user.employerId) return redirect(reply, '/employer');
    return this.savePosting(reply, user, body);
  }

  @Post('employer/postings/:id')
  @Allow('employer')
  updatePosting(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    return this.savePosting(reply, user, body, id);
  }

  @Post('employer/postings/:id/publish')
  @Allow('employer')
  async publish(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      await this.postings.publish(user, id);
    } catch (e) {
      if (e instanceof ConflictError)
        return redirect(
          reply,
          `/employer/postings?done=${e.code === 'employer.unverified' ? 'unverified' : 'refused'}`,
        );
      throw e;
    }
    return redirect(reply, '/employer/postings?done=published');
  }

  @Post('employer/postings/:id/close')
  @Allow('employer')
  async close(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      await this.postings.close(user, id);
    } catch (e) {
      if (e instanceof ConflictError) return redirect(reply, '/employer/postings?done=refused');
      throw e;
    }
    return redirect(reply, '/employer/postings?done=closed');
  }

  // ---- applicants and candidates ----------------------------------------------------------

  @Get('employer/postings/:id/applicants')
  @Allow('employer')
  async applicants(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    // The list checks that the posting is this employer's (404 otherwise).
    const res = await this.applications.list(
      user,
      Object.assign(new ApplicationQuery(), { postingId: id, pageSize: 100 }),
    );
    const posting = await this.postings.get(user, id);
    const { t } = webContextOf(reply.request);
    const q = reply.request.query as Record<string, unknown> | undefined;
    const moved = first(q?.moved) as ApplicationStatus;
    let notice: string | undefined;
    if (moved === 'hired') notice = t('employer.applicants.hired');
    else if (APPLICATION_STATUSES.includes(moved))
      notice = t('employer.applicants.moved', { status: t(statusKey('employer', moved)) });
    const error = first(q?.moved) === 'refused' ? t('employer.applicants.cannot') : undefined;
    return render(
      reply,
      <ApplicantsPage posting={posting} items={res.items} notice={notice} error={error} />,
    );
  }

  @Post('employer/postings/:id/applicants/:applicationId')
  @Allow('employer')
  async move(
    @IdParam() id: string,
    @IdParam('applicationId') applicationId: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    const status = formString(body, 'status') as ApplicationStatus;
    if (!APPLICATION_STATUSES.includes(status) || status === 'withdrawn' || status === 'applied')
      return redirect(reply, `/employer/postings/${id}/applicants?moved=refused`);
    try {
      const a = await this.applications.changeStatus(
        user,
        applicationId,
        Object.assign(new UpdateApplicationDto(), { status }),
      );
      if (a.postingId !== id)
        return redirect(reply, `/employer/postings/${a.postingId}/applicants?moved=${status}`);
    } catch (e) {
      if (e instanceof ConflictError)
        return redirect(reply, `/employer/postings/${id}/applicants?moved=refused`);
      throw e;
    }
    return redirect(reply, `/employer/postings/${id}/applicants?moved=${status}`);
  }

  @Get('employer/postings/:id/candidates')
  @Allow('employer')
  async candidates(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const { t, lang } = webContextOf(reply.request);
    const res = await this.matches.forPosting(
      user,
      id,
      Object.assign(new PostingMatchesQuery(), { lang, pageSize: 50 }),
    );
    const posting = await this.postings.get(user, id);
    const done = first((reply.request.query as Record<string, unknown> | undefined)?.done);
    const notice =
      done === 'invited'
        ? t('employer.candidates.invited')
        : done === 'refused'
          ? t('employer.candidates.inviteFailed')
          : undefined;
    return render(reply, <CandidatesPage posting={posting} items={res.items} notice={notice} />);
  }

  @Post('employer/postings/:id/candidates/:residentId/invite')
  @Allow('employer')
  async invite(
    @IdParam() id: string,
    @IdParam('residentId') residentId: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
  ) {
    try {
      await this.applications.invite(
        user,
        Object.assign(new InviteApplicationDto(), { postingId: id, residentId }),
      );
    } catch (e) {
      if (e instanceof ConflictError)
        return redirect(reply, `/employer/postings/${id}/candidates?done=refused`);
      throw e;
    }
    return redirect(reply, `/employer/postings/${id}/candidates?done=invited`);
  }
}
