import '@fastify/multipart';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { DomainError, NotFoundError } from '../../../kernel/domain-errors';
import { ValidationFailedException, type FieldError } from '../../../platform/http/validation';
import type { CreateTravelTimeDto } from '../../../commute/dto/travel-time.dto';
import { checkTravelTime } from '../../../commute/travel-time-fields';
import { uploadedFile } from '../../../commute/travel-times.controller';
import { TravelTimesExcel } from '../../../commute/travel-times-excel';
import { TravelTimesService } from '../../../commute/travel-times.service';
import { EmployerQuery } from '../../../employers/dto/employer.dto';
import { EmployersService } from '../../../employers/employers.service';
import { SiteQuery } from '../../../regions/dto/site.dto';
import { RegionsService } from '../../../regions/regions.service';
import type { FormErrors } from '../../components/form';
import { formStrings, formValues, type FormBody } from '../../form-data';
import type { MessageKey } from '../../../i18n/web/messages';
import { redirect, render, webContextOf } from '../../render';
import type { SiteOption } from '../officer-layout';
import { TravelTimesPage, type TravelTimesPageProps } from './travel-times-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = [
  'destinationRegionCode',
  'placeName',
  'latitude',
  'longitude',
  'mode',
  'minutes',
  'fare',
  'firstDeparture',
  'lastReturn',
  'source',
  'employerId',
];

/** Each API field's words on the page (the import's errors name the column the same way). */
const ERROR_KEY: Record<string, MessageKey> = {
  destinationRegionCode: 'commute.err.regionCode',
  placeName: 'commute.err.placeName',
  latitude: 'commute.err.latitude',
  longitude: 'commute.err.longitude',
  mode: 'commute.err.mode',
  minutes: 'commute.err.minutes',
  fare: 'commute.err.fare',
  firstDeparture: 'commute.err.time',
  lastReturn: 'commute.err.time',
  days: 'commute.err.days',
  source: 'commute.err.source',
  employerId: 'commute.err.employerId',
  note: 'commute.err.placeName',
};
const COLUMN_KEY: Record<string, MessageKey> = {
  destinationRegionCode: 'commute.page.regionCode',
  placeName: 'commute.page.placeName',
  latitude: 'commute.page.latitude',
  longitude: 'commute.page.longitude',
  mode: 'commute.page.mode',
  minutes: 'commute.page.minutes',
  fare: 'commute.page.fare',
  firstDeparture: 'commute.page.firstDeparture',
  lastReturn: 'commute.page.lastReturn',
  days: 'commute.page.days',
  source: 'commute.page.source',
  employerId: 'commute.page.employerId',
};

function errorKey(e: FieldError): MessageKey {
  if (e.field === 'destinationRegionCode' && /required/.test(e.message)) return 'commute.err.destination';
  return ERROR_KEY[e.field] ?? 'form.fixErrors';
}

function requireId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('Page');
  return id.toLowerCase();
}

function detailsOf(e: unknown): FieldError[] | null {
  if (e instanceof ValidationFailedException) return e.details;
  if (e instanceof DomainError && e.status === 400) return e.details ?? [];
  return null;
}

/** The officer's travel-times pages (issue 16): the table of a site they manage, edited from a phone. */
@ApiExcludeController()
@Controller('officer')
export class TravelTimesPagesController {
  constructor(
    private readonly service: TravelTimesService,
    private readonly excel: TravelTimesExcel,
    private readonly regions: RegionsService,
    private readonly employers: EmployersService,
  ) {}

  private async sites(user: AuthUser): Promise<SiteOption[]> {
    const list = await this.regions.listSites(
      user,
      Object.assign(new SiteQuery(), { page: 1, pageSize: 100 }),
    );
    return list.items.map((x) => ({ id: x.id, name: x.name }));
  }

  private async show(
    reply: FastifyReply,
    user: AuthUser,
    siteId: string,
    extra: Partial<TravelTimesPageProps> = {},
    status = 200,
  ) {
    const site = await this.service.managedSite(user, siteId);
    const [rows, sites, employers] = await Promise.all([
      this.service.list(user, siteId),
      this.sites(user),
      this.employers.list(
        user,
        Object.assign(new EmployerQuery(), { page: 1, pageSize: 100, verified: true }),
      ),
    ]);
    return render(
      reply,
      <TravelTimesPage
        site={{ id: site.id, name: site.name }}
        sites={sites}
        rows={rows}
        employers={employers.items.map((e) => ({ value: e.id, label: e.name }))}
        {...extra}
      />,
      { status },
    );
  }

  /** The officer's first site (or the one picked). */
  @Get('travel-times')
  @Allow('officer')
  async pick(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query('siteId') siteQ?: string) {
    const sites = await this.sites(user);
    const asked = siteQ && UUID.test(siteQ) ? siteQ.toLowerCase() : undefined;
    const target = sites.find((s) => s.id === asked) ?? sites[0];
    if (!target) throw new NotFoundError('Site');
    return redirect(reply, `/officer/sites/${target.id}/travel-times`);
  }

  @Get('sites/:id/travel-times')
  @Allow('officer')
  async page(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Query('done') done?: string,
    @Query('n') n?: string,
  ) {
    const { t } = webContextOf(reply.request);
    const notice =
      done === 'added'
        ? t('commute.page.added')
        : done === 'deleted'
          ? t('commute.page.deleted')
          : done === 'imported'
            ? t('commute.page.imported', { n: /^\d{1,4}$/.test(n ?? '') ? Number(n) : 0 })
            : undefined;
    return this.show(reply, user, requireId(idP), { notice });
  }

  @Post('sites/:id/travel-times')
  @Allow('officer')
  async add(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const siteId = requireId(idP);
    await this.service.managedSite(user, siteId);
    const values = formValues(body, FIELDS);
    const days = formStrings(body, 'days');
    const fail = (errs: FieldError[]) => {
      const errors: FormErrors = {};
      for (const e of errs) errors[e.field] ??= errorKey(e);
      return this.show(reply, user, siteId, { values, days, errors }, 400);
    };
    const checked = checkTravelTime({ ...values, days });
    if (!checked.ok) return fail(checked.errors);
    const f = checked.fields;
    const dto: CreateTravelTimeDto = {
      destinationRegionCode: f.destinationRegionCode ?? undefined,
      placeName: f.placeName ?? undefined,
      latitude: f.latitude ?? undefined,
      longitude: f.longitude ?? undefined,
      mode: f.mode,
      minutes: f.minutes,
      fare: f.fare ?? undefined,
      firstDeparture: f.firstDeparture ?? undefined,
      lastReturn: f.lastReturn ?? undefined,
      days: f.days ?? undefined,
      source: f.source,
      employerId: f.employerId ?? undefined,
    };
    try {
      await this.service.create(user, siteId, dto);
    } catch (e) {
      const details = detailsOf(e);
      if (details) return fail(details);
      throw e;
    }
    return redirect(reply, `/officer/sites/${siteId}/travel-times?done=added`);
  }

  @Post('sites/:id/travel-times/:tid/delete')
  @Allow('officer')
  async remove(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Param('tid') tidP: string,
  ) {
    const siteId = requireId(idP);
    await this.service.remove(user, siteId, requireId(tidP));
    return redirect(reply, `/officer/sites/${siteId}/travel-times?done=deleted`);
  }

  /** Multipart: the CSRF token came in the action URL (checked before this handler runs). */
  @Post('sites/:id/travel-times/import')
  @Allow('officer')
  async upload(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
  ) {
    const siteId = requireId(idP);
    await this.service.managedSite(user, siteId);
    const { t } = webContextOf(reply.request);
    let imported: number;
    try {
      const content = req.isMultipart() ? await uploadedFile(req) : undefined;
      imported = (await this.excel.import(user, siteId, content)).imported;
    } catch (e) {
      const details = detailsOf(e);
      if (!details) throw e;
      const importErrors = details.map((d) => {
        const m = /^rows\[(\d+)\]\.(\w+)$/.exec(d.field);
        if (!m) return d.field === 'file' ? `${t('commute.err.file')}（${d.message}）` : d.message;
        const column = COLUMN_KEY[m[2]] ? t(COLUMN_KEY[m[2]]) : m[2];
        return `${t('commute.page.row', { n: m[1] })}「${column}」：${t(errorKey({ field: m[2], message: d.message }))}`;
      });
      return this.show(reply, user, siteId, { importErrors }, 400);
    }
    return redirect(reply, `/officer/sites/${siteId}/travel-times?done=imported&n=${imported}`);
  }
}
