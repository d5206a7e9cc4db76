import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { ConflictError } from '../../kernel/domain-errors';
import { CreateEmployerDto } from '../../employers/dto/employer.dto';
import { EmployersService } from '../../employers/employers.service';
import { RegionsService } from '../../regions/regions.service';
import type { FormErrors } from '../components/form';
import { type FormBody, formValues, serviceFieldError, validateForm } from '../form-data';
import type { MessageKey } from '../../i18n/web/messages';
import { redirect, render } from '../render';
import { EmployerCreatePage, type Township } from './employer-create-page';
import { EmployerHomePage } from './employer-home-page';

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

/** The employer's company pages: registering the company, its profile and verification state. */
@ApiExcludeController()
@Controller()
export class CompanyPagesController {
  constructor(
    private readonly employers: EmployersService,
    private readonly regions: RegionsService,
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
}
