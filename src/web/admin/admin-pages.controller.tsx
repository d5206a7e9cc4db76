import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { CreateUserDto } from '../../access/dto/auth.dto';
import type { User } from '../../access/user.entity';
import { UsersService } from '../../access/users.service';
import { ConflictError, DomainError, NotFoundError } from '../../kernel/domain-errors';
import { IdParam } from '../../platform/http/id-param';
import { maskPhone } from '../../platform/crypto/masking';
import { CreateSiteDto, SiteQuery, UpdateSiteDto, type SiteDto } from '../../regions/dto/site.dto';
import { RegionsService } from '../../regions/regions.service';
import type { FormErrors, FormValues, Option } from '../components/form';
import { townshipsForSites } from '../components/region-options';
import { type FormBody, formStrings, formValues, validateForm } from '../form-data';
import type { MessageKey } from '../../i18n/web/messages';
import { redirect, render, webContextOf } from '../render';
import { AdminHomePage } from './admin-home-page';
import { CHANNEL_ROWS, SiteFormPage, SitesPage } from './site-form-page';
import { DeactivatePage, type StaffRow, UsersPage } from './users-page';

const USER_MESSAGES: Record<string, MessageKey> = {
  phone: 'field.phone.invalid',
  password: 'field.password.invalid',
  name: 'admin.users.name.invalid',
  role: 'admin.users.role.invalid',
  scope: 'admin.users.scopeRegions.invalid',
  'scope.siteIds': 'admin.users.scopeSites.invalid',
  'scope.regionCodes': 'admin.users.scopeRegions.invalid',
};

const SITE_MESSAGES: Record<string, MessageKey> = {
  name: 'admin.sites.name.invalid',
  regionCode: 'admin.sites.region.invalid',
  latitude: 'admin.sites.latitude.invalid',
  longitude: 'admin.sites.longitude.invalid',
  capacity: 'admin.sites.capacity.invalid',
  openedOn: 'admin.sites.openedOn.invalid',
  channels: 'admin.sites.channel.invalid',
};

const SITE_FIELDS = ['name', 'regionCode', 'latitude', 'longitude', 'capacity', 'openedOn'];

function query(reply: FastifyReply, name: string): string {
  const v = (reply.request.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, 100) : '';
}

function num(v: string | undefined): number | string | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

/** A refused field of a service (`scope.siteIds`, `channels[1].target`) as the form's field. */
function formField(field: string): string {
  if (field.startsWith('channels')) return 'channels';
  if (field.startsWith('scope.siteIds')) return 'siteIds';
  if (field.startsWith('scope')) return 'regionCodes';
  return field;
}

function refused(e: unknown, messages: Record<string, MessageKey>): FormErrors | null {
  if (!(e instanceof DomainError) || e.status !== 400 || !e.details?.length) return null;
  const errors: FormErrors = {};
  for (const d of e.details) {
    const field = formField(d.field);
    errors[field] = messages[d.field] ?? messages[field] ?? 'form.fixErrors';
  }
  return errors;
}

/**
 * The operator's pages (DESIGN.md "Who uses it": admin — users, sites, the queue dashboard).
 * They call the API's services with the signed-in admin: the same validation, audit entries
 * and channel checks as POST /users and POST/PATCH /sites.
 */
@ApiExcludeController()
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly regions: RegionsService,
  ) {}

  @Get()
  @Allow('admin')
  home(@Res() reply: FastifyReply) {
    return render(reply, <AdminHomePage />);
  }

  // ---- users ------------------------------------------------------------------------------

  private async siteOptions(): Promise<Option[]> {
    return (await this.regions.directory()).map((s) => ({ value: s.id, label: s.name }));
  }

  private async staffRows(actor: AuthUser): Promise<StaffRow[]> {
    const [list, sites] = await Promise.all([
      this.users.listStaff({ page: 1, pageSize: 100 }),
      this.siteOptions(),
    ]);
    const siteName = new Map(sites.map((s) => [s.value, s.label]));
    return list.items.map((u) => this.row(u, siteName, actor));
  }

  private row(u: User, siteName: Map<string, string>, actor: AuthUser): StaffRow {
    return {
      id: u.id,
      name: u.name,
      role: u.role,
      maskedPhone: maskPhone(this.users.phoneOf(u)),
      scope: [...u.scopeSiteIds.map((id) => siteName.get(id) ?? id), ...u.scopeRegionCodes].join('，'),
      disabled: !!u.disabledAt,
      self: u.id === actor.id,
    };
  }

  @Get('users')
  @Allow('admin')
  async usersPage(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const { t } = webContextOf(reply.request);
    const done = query(reply, 'done');
    // The account is named by id in the URL: names are personal data and URLs are logged.
    const rows = await this.staffRows(user);
    const name = rows.find((r) => r.id === query(reply, 'id'))?.name ?? '';
    const notices: Record<string, string> = {
      created: t('admin.users.created', { name }),
      deactivated: t('admin.users.deactivated', { name }),
    };
    return render(
      reply,
      <UsersPage
        users={rows}
        sites={await this.siteOptions()}
        notice={notices[done]}
        error={done === 'self' ? t('admin.users.self') : undefined}
      />,
    );
  }

  @Post('users')
  @Allow('admin')
  async createUser(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    const values = formValues(body, ['role', 'name', 'phone', 'password', 'regionCodes']);
    const siteIds = [...new Set(formStrings(body, 'siteIds'))].slice(0, 500);
    const regionCodes = (values.regionCodes ?? '').split(/[\s,，、]+/).filter(Boolean);
    const fail = async (errors: FormErrors, status = 400) =>
      render(
        reply,
        <UsersPage
          users={await this.staffRows(user)}
          sites={await this.siteOptions()}
          values={values}
          siteIds={siteIds}
          errors={errors}
        />,
        { status },
      );
    const { value, errors } = await validateForm(
      CreateUserDto,
      {
        phone: values.phone,
        password: values.password,
        name: values.name,
        role: values.role,
        scope: values.role === 'officer' ? { siteIds, regionCodes } : undefined,
      },
      USER_MESSAGES,
    );
    if (errors.scope) {
      delete errors.scope;
      if (regionCodes.length) errors.regionCodes = 'admin.users.scopeRegions.invalid';
      if (siteIds.length) errors.siteIds = 'admin.users.scopeSites.invalid';
    }
    // An officer who covers nothing would see empty queues and never learn why.
    if (values.role === 'officer' && !siteIds.length && !regionCodes.length)
      errors.siteIds = 'admin.users.scope.invalid';
    if (Object.keys(errors).length) return fail(errors);
    let created: User;
    try {
      created = await this.users.createStaff(user, value);
    } catch (e) {
      if (e instanceof ConflictError && e.code === 'user.phone_taken')
        return fail({ phone: 'admin.users.phone.taken' }, 409);
      const fieldErrors = refused(e, USER_MESSAGES);
      if (fieldErrors) return fail(fieldErrors);
      throw e;
    }
    return redirect(reply, `/admin/users?done=created&id=${created.id}`);
  }

  @Get('users/:id/deactivate')
  @Allow('admin')
  async confirmDeactivate(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const u = await this.users.findById(id);
    if (!u || !['officer', 'provider', 'admin', 'liaison'].includes(u.role)) throw new NotFoundError('User');
    return render(reply, <DeactivatePage user={this.row(u, new Map(), user)} />);
  }

  @Post('users/:id/deactivate')
  @Allow('admin')
  async deactivate(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    try {
      const u = await this.users.deactivate(user, id);
      return redirect(reply, `/admin/users?done=deactivated&id=${u.id}`);
    } catch (e) {
      if (e instanceof ConflictError && e.code === 'user.self')
        return redirect(reply, '/admin/users?done=self');
      throw e;
    }
  }

  // ---- sites ------------------------------------------------------------------------------

  @Get('sites')
  @Allow('admin')
  async sitesPage(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const { t } = webContextOf(reply.request);
    const [list, directory] = await Promise.all([
      this.regions.listSites(user, Object.assign(new SiteQuery(), { page: 1, pageSize: 100 })),
      this.regions.directory(),
    ]);
    const regionName = new Map(directory.map((s) => [s.id, s.regionName]));
    const sites = list.items.map((s) => ({ ...s, regionName: regionName.get(s.id) }));
    const done = query(reply, 'done');
    const name = query(reply, 'name');
    const notice =
      done === 'created'
        ? t('admin.sites.created', { name })
        : done === 'saved'
          ? t('admin.sites.saved', { name })
          : undefined;
    return render(reply, <SitesPage sites={sites} notice={notice} />);
  }

  @Get('sites/new')
  @Allow('admin')
  async newSite(@Res() reply: FastifyReply) {
    return render(reply, <SiteFormPage values={{}} townships={await townshipsForSites(this.regions)} />);
  }

  @Post('sites')
  @Allow('admin')
  createSite(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    return this.saveSite(reply, user, body);
  }

  @Get('sites/:id/edit')
  @Allow('admin')
  async editSite(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const s = await this.regions.getSite(user, id);
    return render(
      reply,
      <SiteFormPage siteId={id} values={siteValues(s)} townships={await townshipsForSites(this.regions)} />,
    );
  }

  @Post('sites/:id')
  @Allow('admin')
  async updateSite(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    await this.regions.getSite(user, id);
    return this.saveSite(reply, user, body, id);
  }

  private async saveSite(reply: FastifyReply, user: AuthUser, body: FormBody, id?: string) {
    const names = [...SITE_FIELDS];
    for (let i = 0; i < CHANNEL_ROWS; i++) names.push(`channelType${i}`, `channelTarget${i}`);
    const values = formValues(body, names);
    const channels: { type: string; target: string }[] = [];
    let channelError = false;
    for (let i = 0; i < CHANNEL_ROWS; i++) {
      const type = values[`channelType${i}`] ?? '';
      const target = values[`channelTarget${i}`] ?? '';
      if (!type && !target) continue;
      if (!type || !target) channelError = true;
      channels.push({ type, target });
    }
    const fail = async (errors: FormErrors, status = 400) =>
      render(
        reply,
        <SiteFormPage
          siteId={id}
          values={values}
          errors={errors}
          townships={await townshipsForSites(this.regions)}
        />,
        { status },
      );
    const dto: new () => object = id ? UpdateSiteDto : CreateSiteDto;
    const { value, errors } = await validateForm(
      dto,
      {
        name: values.name,
        regionCode: values.regionCode,
        latitude: num(values.latitude),
        longitude: num(values.longitude),
        capacity: num(values.capacity),
        openedOn: values.openedOn,
        // Always sent, so an edit that empties every row removes the channels.
        channels,
      },
      SITE_MESSAGES,
    );
    if (channelError) errors.channels = SITE_MESSAGES.channels;
    if (Object.keys(errors).length) return fail(errors);
    let saved: SiteDto;
    try {
      saved = id
        ? await this.regions.updateSite(user, id, value)
        : await this.regions.createSite(user, value as CreateSiteDto);
    } catch (e) {
      const fieldErrors = refused(e, SITE_MESSAGES);
      if (fieldErrors) return fail(fieldErrors);
      throw e;
    }
    return redirect(
      reply,
      `/admin/sites?done=${id ? 'saved' : 'created'}&name=${encodeURIComponent(saved.name)}`,
    );
  }
}

function siteValues(s: SiteDto): FormValues {
  const values: FormValues = {
    name: s.name,
    regionCode: s.regionCode,
    latitude: String(s.latitude),
    longitude: String(s.longitude),
    capacity: s.capacity === null ? '' : String(s.capacity),
    openedOn: s.openedOn ?? '',
  };
  (s.channels ?? []).slice(0, CHANNEL_ROWS).forEach((c, i) => {
    values[`channelType${i}`] = c.type;
    values[`channelTarget${i}`] = c.target;
  });
  return values;
}
