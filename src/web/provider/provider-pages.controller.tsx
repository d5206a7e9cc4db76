import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { ScopePolicy } from '../../access/scope/scope-policy';
import { pilotZoneInstant } from '../../kernel/clock';
import { ConflictError, DomainError, NotFoundError } from '../../kernel/domain-errors';
import { IdParam } from '../../platform/http/id-param';
import { PageQuery } from '../../kernel/pagination';
import { RegionsService } from '../../regions/regions.service';
import { SkillsService } from '../../skills/skills.service';
import { CoursesService } from '../../training/courses.service';
import { CreateCourseDto, CreateSessionDto, UpdateCourseDto } from '../../training/dto/course.dto';
import { EnrollmentsService } from '../../training/enrollments.service';
import type { FormErrors, FormValues } from '../components/form';
import { siteTownships } from '../components/region-options';
import { type FormBody, formString, formValues, validateForm } from '../form-data';
import { redirect, render, webContextOf } from '../render';
import { COURSE_MESSAGES, courseFormOf, coursePlain, courseValues, taughtSkills } from './course-form';
import { CourseFormPage, type TaughtSkill } from './course-form-page';
import { CoursePage } from './course-page';
import { CoursesPage } from './courses-page';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function query(reply: FastifyReply, name: string): string {
  const v = (reply.request.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

/** The fields a service refused, as form errors (`skills[0].code` is the skills fieldset). */
function refusedFields(e: unknown): FormErrors | null {
  if (!(e instanceof DomainError) || e.status !== 400 || !e.details?.length) return null;
  const errors: FormErrors = {};
  for (const d of e.details) {
    const field = d.field.startsWith('skills') ? 'skills' : d.field;
    errors[field] = COURSE_MESSAGES[field] ?? 'form.fixErrors';
  }
  return errors;
}

/**
 * The training provider's pages (DESIGN.md "Who uses it": a provider manages its courses and
 * sessions, records attendance and completion). Each handler calls the API's own services with
 * the signed-in provider, so ownership checks (ScopePolicy.managesCourse → 404), audit entries,
 * and what a completion does (skills granted, re-ranking through the outbox) are the API's.
 */
@ApiExcludeController()
@Controller('provider')
export class ProviderPagesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly enrollments: EnrollmentsService,
    private readonly skills: SkillsService,
    private readonly regions: RegionsService,
    private readonly policy: ScopePolicy,
  ) {}

  @Get()
  @Allow('provider')
  async list(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const res = await this.courses.listOwned(user, { page: 1, pageSize: 100 });
    const { t } = webContextOf(reply.request);
    const done = query(reply, 'done');
    const notice =
      done === 'created'
        ? t('provider.courses.created')
        : done === 'saved'
          ? t('provider.courses.saved')
          : undefined;
    return render(reply, <CoursesPage courses={res.items} notice={notice} />);
  }

  @Get('courses/new')
  @Allow('provider')
  async newForm(@Res() reply: FastifyReply) {
    const values: FormValues = { capacity: '30', subsidized: '1' };
    return render(
      reply,
      <CourseFormPage
        values={values}
        chosen={[]}
        found={null}
        skillQuery=""
        regions={await siteTownships(this.regions)}
      />,
    );
  }

  @Post('courses')
  @Allow('provider')
  create(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    return this.save(reply, user, body);
  }

  @Get('courses/:id')
  @Allow('provider')
  async course(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const { t } = webContextOf(reply.request);
    const course = await this.owned(user, id);
    const list = await this.enrollments.listForCourse(
      user,
      id,
      Object.assign(new PageQuery(), { pageSize: 100 }),
    );
    const done = query(reply, 'done');
    const who = list.items.find((e) => e.id === query(reply, 'e'))?.residentName ?? '';
    const notices: Record<string, string> = {
      attended: t('provider.course.attended', { name: who }),
      completed: t('provider.course.completed', { name: who }),
      session: t('provider.course.sessionAdded', { date: query(reply, 'date') }),
      saved: t('provider.courses.saved'),
    };
    return render(
      reply,
      <CoursePage
        course={course}
        enrollments={list.items}
        notice={notices[done]}
        error={done === 'cannot' ? t('provider.course.cannot') : undefined}
      />,
    );
  }

  @Get('courses/:id/edit')
  @Allow('provider')
  async editForm(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const { values, chosen } = courseFormOf(await this.owned(user, id));
    return render(
      reply,
      <CourseFormPage
        courseId={id}
        values={values}
        chosen={chosen}
        found={null}
        skillQuery=""
        regions={await siteTownships(this.regions)}
      />,
    );
  }

  @Post('courses/:id')
  @Allow('provider')
  async update(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    await this.owned(user, id);
    return this.save(reply, user, body, id);
  }

  @Post('courses/:id/sessions')
  @Allow('provider')
  async addSession(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    const course = await this.owned(user, id);
    const values = formValues(body, ['date', 'start', 'end', 'place']);
    const fail = async (errors: FormErrors) => {
      const list = await this.enrollments.listForCourse(
        user,
        id,
        Object.assign(new PageQuery(), { pageSize: 100 }),
      );
      return render(
        reply,
        <CoursePage course={course} enrollments={list.items} session={{ values, errors }} />,
        {
          status: 400,
        },
      );
    };
    const date = values.date ?? '';
    if (!TIME.test(values.start ?? '') || !TIME.test(values.end ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(date))
      return fail({ date: 'provider.course.session.invalid', start: 'provider.course.session.invalid' });
    const { value, errors } = await validateForm(
      CreateSessionDto,
      {
        startsAt: pilotZoneInstant(date, values.start!),
        endsAt: pilotZoneInstant(date, values.end!),
        place: values.place,
      },
      {},
    );
    if (Object.keys(errors).length) return fail({ date: 'provider.course.session.invalid' });
    try {
      await this.courses.addSession(user, id, value);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400)
        return fail({ start: 'provider.course.session.invalid', date: 'provider.course.session.invalid' });
      throw e;
    }
    return redirect(reply, `/provider/courses/${id}?done=session&date=${date}`);
  }

  @Post('enrollments/:id/attend')
  @Allow('provider')
  attend(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    return this.step(reply, user, id, 'attended', formString(body, 'courseId'));
  }

  /** Completion grants the course's skills and re-ranks the resident (EnrollmentsService.complete). */
  @Post('enrollments/:id/complete')
  @Allow('provider')
  complete(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    return this.step(reply, user, id, 'completed', formString(body, 'courseId'));
  }

  private async step(
    reply: FastifyReply,
    user: AuthUser,
    id: string,
    done: 'attended' | 'completed',
    fromCourse: string,
  ) {
    try {
      const e =
        done === 'attended'
          ? await this.enrollments.attend(user, id)
          : await this.enrollments.complete(user, id);
      return redirect(reply, `/provider/courses/${e.courseId}?done=${done}&e=${e.id}#enrollment-${e.id}`);
    } catch (err) {
      // A second tap, or a course cancelled meanwhile: say so on the page the button was on.
      if (err instanceof ConflictError)
        return redirect(
          reply,
          UUID.test(fromCourse) ? `/provider/courses/${fromCourse}?done=cannot` : '/provider',
        );
      throw err;
    }
  }

  /** The provider's own course, or the 404 that hides everybody else's. */
  private async owned(user: AuthUser, id: string) {
    const course = await this.courses.get(id);
    if (!this.policy.managesCourse(user, course)) throw new NotFoundError('Course');
    return course;
  }

  /** Create (no id) or update: a skill search re-renders the form; a save validates and writes. */
  private async save(reply: FastifyReply, user: AuthUser, body: FormBody, id?: string) {
    const values = courseValues(body);
    const all = await this.skills.all();
    const chosen = taughtSkills(body, all);
    const skillq = formString(body, 'skillq').trim().slice(0, 50);
    const picked = new Set(chosen.map((s) => s.code));
    const found: TaughtSkill[] | null = skillq
      ? (await this.skills.search(skillq))
          .filter((s) => !picked.has(s.code))
          .slice(0, 12)
          .map((s) => ({ code: s.code, name: s.nameZh, level: 2, checked: false }))
      : null;
    const regions = await siteTownships(this.regions);
    const again = (errors: FormErrors = {}, status = 200) =>
      render(
        reply,
        <CourseFormPage
          courseId={id}
          values={values}
          errors={errors}
          chosen={chosen}
          found={found}
          skillQuery={skillq}
          regions={regions}
        />,
        { status },
      );
    if (formString(body, 'action') === 'search') return again();
    const plain = coursePlain(values, chosen, !!id);
    const dto: new () => object = id ? UpdateCourseDto : CreateCourseDto;
    const { value, errors } = await validateForm(dto, plain, COURSE_MESSAGES);
    if (!chosen.length) errors.skills = COURSE_MESSAGES.skills;
    if (Object.keys(errors).length) return again(errors, 400);
    try {
      if (id) await this.courses.update(user, id, value);
      else await this.courses.create(user, value as CreateCourseDto);
    } catch (e) {
      if (e instanceof ConflictError && e.code === 'course.ended')
        return again({ status: COURSE_MESSAGES.status }, 409);
      const refused = refusedFields(e);
      if (refused) return again(refused, 400);
      throw e;
    }
    return redirect(reply, id ? `/provider/courses/${id}?done=saved` : '/provider?done=created');
  }
}
