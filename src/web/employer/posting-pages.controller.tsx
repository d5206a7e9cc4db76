import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { ConflictError, NotFoundError } from '../../kernel/domain-errors';
import { IdParam } from '../../platform/http/id-param';
import { EmployersService } from '../../employers/employers.service';
import { CreatePostingDto, PostingListQuery, type PostingDto } from '../../postings/dto/posting.dto';
import { PostingsService } from '../../postings/postings.service';
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
import type { MessageKey } from '../../i18n/web/messages';
import { redirect, render, webContextOf } from '../render';
import { PostingsListPage } from './postings-list-page';
import { PostingFormPage } from './posting-form-page';
import { type PickedSkill, skillOptionsFrom } from './skill-pick';

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

/** The employer's vacancies: the list, new and edit (with the skill picker), publish and close. */
@ApiExcludeController()
@Controller()
export class PostingPagesController {
  constructor(
    private readonly employers: EmployersService,
    private readonly postings: PostingsService,
    private readonly skills: SkillsService,
  ) {}

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
}
