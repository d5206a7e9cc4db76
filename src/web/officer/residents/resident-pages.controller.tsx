import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { ScopePolicy } from '../../../access/scope/scope-policy';
import { ApplicationsService } from '../../../applications/applications.service';
import { ApplicationQuery } from '../../../applications/dto/application.dto';
import { DomainError, NotFoundError } from '../../../kernel/domain-errors';
import { ContactsService } from '../../../contacts/contacts.service';
import { CreateContactDto } from '../../../contacts/dto/contact.dto';
import { EmployerQuery } from '../../../employers/dto/employer.dto';
import { EmployersService } from '../../../employers/employers.service';
import { CreatePlacementDto, PlacementQuery } from '../../../placements/dto/placement.dto';
import { PlacementsService } from '../../../placements/placements.service';
import { JobChoicesService } from '../../../reports/job-choices.service';
import { HouseholdsService } from '../../../residents/households.service';
import { ResidentPhoneService } from '../../../residents/resident-phone.service';
import { ResidentsService } from '../../../residents/residents.service';
import { SkillsService } from '../../../skills/skills.service';
import { ResidentsDirectory } from '../../../residents/residents-directory';
import { withDone } from '../../components/done-notice';
import type { FormErrors } from '../../components/form';
import { type FormBody, formValues, serviceFieldError, validateForm } from '../../form-data';
import { redirect, render, webContextOf } from '../../render';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';
import { ResidentPage, type ResidentPageProps } from './resident-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireId(v: string): string {
  if (!UUID.test(v)) throw new NotFoundError('Page');
  return v.toLowerCase();
}

type Failure = NonNullable<ResidentPageProps['failed']>;

/**
 * The officer's resident page and what is done from it (issue 13 item 8): record a placement,
 * refer to a job, log a contact, show the phone. Each POST calls the API's service with the
 * officer, then redirects back with `?done=<code>`; a refused form re-renders the page (400)
 * with every field as typed.
 */
@ApiExcludeController()
@Controller('officer/residents')
export class ResidentPagesController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly households: HouseholdsService,
    private readonly placements: PlacementsService,
    private readonly employers: EmployersService,
    private readonly skills: SkillsService,
    private readonly policy: ScopePolicy,
    private readonly applications: ApplicationsService,
    private readonly contacts: ContactsService,
    private readonly phones: ResidentPhoneService,
    private readonly directory: ResidentsDirectory,
    private readonly jobs: JobChoicesService,
  ) {}

  @Get(':id')
  @Allow('officer')
  async resident(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    return this.renderPage(reply, user, requireId(idP));
  }

  /** A POST, not a link: showing the number is an action, audited with the officer's identity. */
  @Post(':id/phone')
  @Allow('officer')
  async showPhone(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    const id = requireId(idP);
    const phone = await this.phones.readForOfficer(user, id);
    return this.renderPage(reply, user, id, { phone });
  }

  @Post(':id/placements')
  @Allow('officer')
  async recordPlacement(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, [
      'kind',
      'employerId',
      'employerName',
      'startDate',
      'monthlyIncome',
      'partnerCity',
    ]);
    const messages = {
      kind: 'officer.rp.kindRequired',
      employerName: 'officer.rp.employerRequired',
      startDate: 'officer.rp.startDateInvalid',
      monthlyIncome: 'officer.rp.incomeInvalid',
      partnerCity: 'officer.rp.partnerRequired',
    } as const;
    const fail = (errors: FormErrors, message?: OfficerKey) =>
      this.renderPage(reply, user, id, { failed: { form: 'placement', errors, values, message } });
    // A picked employer gives the name; a typed name wins (the list may be out of date).
    let employerName = values.employerName;
    if (!employerName && values.employerId) {
      const picked = (await this.employerChoices(user)).find((e) => e.id === values.employerId);
      if (!picked) return fail({ employerId: 'officer.rp.employerRequired' });
      employerName = picked.name;
    }
    const income = values.monthlyIncome ? Number(values.monthlyIncome) : undefined;
    const { value, errors } = await validateForm(
      CreatePlacementDto,
      {
        residentId: id,
        kind: values.kind,
        employerName,
        startDate: values.startDate,
        monthlyIncome: income,
        partnerCity: values.partnerCity,
      },
      messages,
    );
    if (values.monthlyIncome && !Number.isFinite(income)) errors.monthlyIncome = messages.monthlyIncome;
    if (Object.keys(errors).length) return fail(errors);
    try {
      await this.placements.create(user, value);
    } catch (e) {
      const fieldErrors = serviceFieldError(e, messages);
      if (fieldErrors) return fail(fieldErrors);
      if (e instanceof DomainError && e.status === 409) return fail({}, 'officer.rp.placementFailed');
      throw e;
    }
    return redirect(reply, withDone(`/officer/residents/${id}`, 'placement'));
  }

  @Post(':id/referrals')
  @Allow('officer')
  async refer(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, ['postingId']);
    const fail = (errors: FormErrors, message?: OfficerKey) =>
      this.renderPage(reply, user, id, { failed: { form: 'referral', errors, values, message } });
    if (!values.postingId || !UUID.test(values.postingId))
      return fail({ postingId: 'officer.rp.postingRequired' });
    try {
      await this.applications.apply(user, { postingId: values.postingId.toLowerCase(), residentId: id });
    } catch (e) {
      if (e instanceof DomainError && (e.status === 409 || e.status === 400))
        return fail({}, 'officer.rp.referFailed');
      throw e;
    }
    return redirect(reply, withDone(`/officer/residents/${id}`, 'referral'));
  }

  @Post(':id/contacts')
  @Allow('officer')
  async logContact(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, ['date', 'kind', 'note']);
    const messages = {
      date: 'officer.rp.contactDateInvalid',
      kind: 'officer.rp.contactKindRequired',
      note: 'form.fixErrors',
    } as const;
    const fail = (errors: FormErrors) =>
      this.renderPage(reply, user, id, { failed: { form: 'contact', errors, values } });
    const { value, errors } = await validateForm(CreateContactDto, values, messages);
    if (Object.keys(errors).length) return fail(errors);
    try {
      await this.contacts.create(user, id, value);
    } catch (e) {
      const fieldErrors = serviceFieldError(e, messages);
      if (fieldErrors) return fail(fieldErrors);
      throw e;
    }
    return redirect(reply, withDone(`/officer/residents/${id}`, 'contact'));
  }

  private async employerChoices(user: AuthUser): Promise<{ id: string; name: string }[]> {
    const list = await this.employers.list(
      user,
      Object.assign(new EmployerQuery(), { verified: true, page: 1, pageSize: 100 }),
    );
    return list.items
      .map((e) => ({ id: e.id, name: e.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  private async renderPage(
    reply: FastifyReply,
    user: AuthUser,
    id: string,
    extra: { phone?: string | null; failed?: Failure } = {},
  ) {
    const resident = await this.residents.get(user, id);
    const ref = await this.directory.residentRef(id);
    const manages = !!ref && this.policy.managesResident(user, ref);
    const [placements, applications, contacts, labels, employers, jobs, skills] = await Promise.all([
      this.placements.list(user, Object.assign(new PlacementQuery(), { residentId: id, pageSize: 20 })),
      this.applications.list(user, Object.assign(new ApplicationQuery(), { residentId: id, pageSize: 50 })),
      this.contacts.listFor(user, id),
      this.households.labelsOf(user, [resident.householdId]),
      manages ? this.employerChoices(user) : [],
      manages ? this.jobs.openPostingsNear(user, resident.siteId).catch(() => []) : [],
      this.skills.all(),
    ]);
    const { lang } = webContextOf(reply.request);
    const skillNames = new Map(
      resident.skills.map((k) => {
        const skill = skills.get(k.code);
        return [k.code, skill ? (lang === 'zh' ? skill.nameZh : skill.nameEn) : k.code];
      }),
    );
    const failed = extra.failed;
    return render(
      reply,
      <ResidentPage
        resident={resident}
        household={labels.get(resident.householdId)}
        placements={placements.items}
        applications={applications.items}
        contacts={contacts}
        skillNames={skillNames}
        manages={manages}
        employers={employers}
        jobs={jobs}
        phone={extra.phone}
        failed={failed}
      />,
      { status: failed ? 400 : 200 },
    );
  }
}
