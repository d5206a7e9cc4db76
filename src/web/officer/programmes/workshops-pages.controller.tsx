import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { todayInPilotZone } from '../../../kernel/clock';
import { ConflictError, NotFoundError } from '../../../kernel/domain-errors';
import { IdParam } from '../../../platform/http/id-param';
import { CreateWorkshopDto } from '../../../programmes/workshops/dto/workshop.dto';
import { WorkshopsService } from '../../../programmes/workshops/workshops.service';
import type { FormErrors, FormValues } from '../../components/form';
import { withDone } from '../../components/done-notice';
import { formStrings, formValues, serviceFieldError, validateForm, type FormBody } from '../../form-data';
import type { MessageKey } from '../../../i18n/web/messages';
import { redirect, render } from '../../render';
import { ProgrammesHubPage } from './programmes-hub-page';
import { WorkshopFormPage, WorkshopPage, WorkshopsListPage } from './workshops-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = [
  'employerId',
  'siteId',
  'type',
  'recognisedOn',
  'documentNo',
  'capacity',
  'insuranceYuanPerWorkerMonth',
];
const MESSAGES: Record<string, MessageKey> = {
  employerId: 'workshop.error.employerId',
  siteId: 'workshop.error.siteId',
  type: 'workshop.error.type',
  recognisedOn: 'workshop.error.recognisedOn',
  documentNo: 'workshop.error.documentNo',
  capacity: 'workshop.error.capacity',
  seasonalMonths: 'workshop.error.seasonalMonths',
  insuranceYuanPerWorkerMonth: 'workshop.error.insurance',
};

/** The officers' programmes hub and the workshop register pages (issue 17 §1), without JavaScript. */
@ApiExcludeController()
@Controller('officer/programmes')
export class WorkshopsPagesController {
  constructor(private readonly workshops: WorkshopsService) {}

  @Get()
  @Allow('officer')
  hub(@Res() reply: FastifyReply) {
    return render(reply, <ProgrammesHubPage />);
  }

  @Get('workshops')
  @Allow('officer')
  async list(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query('siteId') siteIdQ?: string) {
    const sites = await this.workshops.managedSites(user);
    const siteId = siteIdQ && UUID.test(siteIdQ) ? siteIdQ.toLowerCase() : (sites[0]?.id ?? null);
    if (siteIdQ && !UUID.test(siteIdQ)) throw new NotFoundError('Site');
    const items = siteId ? (await this.workshops.list(user, { siteId })).items : [];
    return render(reply, <WorkshopsListPage sites={sites} siteId={siteId} items={items} />);
  }

  @Get('workshops/new')
  @Allow('officer')
  async form(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query('siteId') siteId?: string) {
    return this.renderForm(reply, user, { siteId: siteId ?? '', recognisedOn: todayInPilotZone() }, [], {});
  }

  @Post('workshops')
  @Allow('officer')
  async register(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    const values = formValues(body, FIELDS);
    const monthsRaw = formStrings(body, 'seasonalMonths');
    const months = monthsRaw.map(Number);
    const num = (v: string | undefined) => (v ? Number(v) : undefined);
    const { value, errors } = await validateForm(
      CreateWorkshopDto,
      {
        ...values,
        capacity: num(values.capacity),
        insuranceYuanPerWorkerMonth: num(values.insuranceYuanPerWorkerMonth),
        seasonalMonths: months.length ? months : undefined,
      },
      MESSAGES,
    );
    if (Object.keys(errors).length) return this.renderForm(reply, user, values, months, errors, 400);
    try {
      const w = await this.workshops.register(user, value);
      return redirect(reply, withDone(`/officer/programmes/workshops/${w.id}`, 'registered'));
    } catch (e) {
      const fieldErrors = serviceFieldError(e, MESSAGES);
      if (fieldErrors) return this.renderForm(reply, user, values, months, fieldErrors, 400);
      if (e instanceof ConflictError)
        return this.renderForm(reply, user, values, months, { employerId: 'workshop.error.duplicate' }, 409);
      throw e;
    }
  }

  @Get('workshops/:id')
  @Allow('officer')
  async page(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @IdParam() id: string) {
    return render(reply, <WorkshopPage w={await this.workshops.get(user, id)} />);
  }

  private async renderForm(
    reply: FastifyReply,
    user: AuthUser,
    values: FormValues,
    months: number[],
    errors: FormErrors,
    status = 200,
  ) {
    const [sites, employers] = await Promise.all([
      this.workshops.managedSites(user),
      this.workshops.workshopEmployers(user),
    ]);
    return render(
      reply,
      <WorkshopFormPage
        sites={sites}
        employers={employers}
        values={values}
        months={months}
        errors={errors}
      />,
      { status },
    );
  }
}
