import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { todayInPilotZone } from '../../../kernel/clock';
import { DomainError } from '../../../kernel/domain-errors';
import { IdParam } from '../../../platform/http/id-param';
import { BatchesService } from '../../../programmes/cooperation/batches.service';
import { CooperationReadsService } from '../../../programmes/cooperation/cooperation-reads.service';
import { CooperationSettings } from '../../../programmes/cooperation/cooperation-settings';
import {
  ArrivalDto,
  CreateBatchDto,
  CreateFairDto,
  OUTCOME_GROUPS,
  RetentionCheckInputDto,
  ReturnHomeDto,
} from '../../../programmes/cooperation/dto/cooperation.dto';
import { FairsService } from '../../../programmes/cooperation/fairs.service';
import { SiteQuery } from '../../../regions/dto/site.dto';
import { RegionsService } from '../../../regions/regions.service';
import { ResidentQuery } from '../../../residents/dto/resident.dto';
import { ResidentsService } from '../../../residents/residents.service';
import { formStrings, formValues, type FormBody } from '../../form-data';
import type { MessageKey } from '../../../i18n/web/messages';
import { redirect, render } from '../../render';
import { BatchPage, type MemberFormTyped } from './cooperation-batch-page';
import { CooperationHomePage } from './cooperation-home-page';
import { NewBatchPage } from './cooperation-new-batch-page';
import { BASE, type PageError } from './cooperation-page-parts';

const DONE: Record<string, MessageKey> = {
  created: 'coop.done.created',
  arrival: 'coop.done.arrival',
  check: 'coop.done.check',
  return: 'coop.done.return',
  fair: 'coop.done.fair',
};

function fieldKey(field: string): MessageKey | undefined {
  const key = `coop.field.${field}`;
  return key in FIELD_KEYS ? (key as MessageKey) : undefined;
}
const FIELD_KEYS = Object.fromEntries(
  [
    'partnerCity',
    'departureOn',
    'transport',
    'liaisonPhone',
    'fairId',
    'residentIds',
    'arrivedOn',
    'returnedOn',
    'reason',
    'checkedOn',
    'month',
    'stillAtWork',
    'employerName',
    'name',
    'heldOn',
    'siteId',
    'residentId',
  ].map((f) => [`coop.field.${f}`, true]),
);

const CONFLICT_KEYS = Object.fromEntries(
  [
    'cooperation.already_away',
    'cooperation.already_arrived',
    'cooperation.returned',
    'cooperation.check_closed',
  ].map((c) => [`coop.conflict.${c}`, true]),
);

/** The DTO the API validates, or the first failure as the page shows it. */
async function checked<T extends object>(
  cls: new () => T,
  plain: Record<string, unknown>,
): Promise<T | PageError> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto);
  if (!errors.length) return dto;
  return { field: fieldKey(errors[0].property) ?? 'coop.field.residentId' };
}

function isError<T extends object>(x: T | PageError, cls: new () => T): x is PageError {
  return !(x instanceof cls);
}

/** A service's 400 or 409 as the page shows it; anything else is thrown on. */
function refused(e: unknown): PageError {
  if (!(e instanceof DomainError) || (e.status !== 400 && e.status !== 409)) throw e;
  const d = e.details?.[0];
  if (d) return { field: fieldKey(d.field) ?? 'coop.field.residentId' };
  const conflict = `coop.conflict.${e.code}`;
  return { conflict: conflict in CONFLICT_KEYS ? (conflict as MessageKey) : 'coop.conflict.other' };
}

/**
 * The officers' cooperation pages (issue 17 §3), phone first and without JS: batches with their
 * arrivals, retention checks and returns home; job fairs; outcomes. Every write goes through the
 * same services (and DTOs) as the API, so the rules and the scope are the API's.
 */
@ApiExcludeController()
@Controller('officer/programmes/cooperation')
export class CooperationPagesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly reads: CooperationReadsService,
    private readonly fairs: FairsService,
    private readonly settings: CooperationSettings,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
  ) {}

  private async sitesAndCities(user: AuthUser) {
    const sites = (
      await this.regions.listSites(user, Object.assign(new SiteQuery(), { page: 1, pageSize: 100 }))
    ).items;
    const cities = new Set<string>();
    for (const s of sites)
      for (const c of this.settings.rules(s.regionCode).partnerCities) cities.add(c.name);
    if (!cities.size) for (const c of this.settings.config.default.partnerCities) cities.add(c.name);
    return { sites: sites.map((s) => ({ id: s.id, name: s.name })), cities: [...cities] };
  }

  private async home(
    reply: FastifyReply,
    user: AuthUser,
    opts: {
      by?: string;
      notice?: MessageKey;
      error?: PageError;
      values?: Record<string, string | undefined>;
    },
  ) {
    const by = (OUTCOME_GROUPS as readonly string[]).includes(opts.by ?? '')
      ? (opts.by as (typeof OUTCOME_GROUPS)[number])
      : 'city';
    const [batches, fairs, outcomes, sc] = await Promise.all([
      this.reads.list(user),
      this.fairs.list(user),
      this.reads.outcomes(user, by),
      this.sitesAndCities(user),
    ]);
    return render(
      reply,
      <CooperationHomePage
        batches={batches}
        fairs={fairs}
        outcomes={outcomes}
        {...sc}
        today={todayInPilotZone()}
        notice={opts.notice}
        error={opts.error}
        values={opts.values}
      />,
      { status: opts.error ? 400 : 200 },
    );
  }

  @Get()
  @Allow('officer')
  async index(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('by') by?: string,
    @Query('done') done?: string,
  ) {
    return this.home(reply, user, { by, notice: done && Object.hasOwn(DONE, done) ? DONE[done] : undefined });
  }

  @Post('fairs')
  @Allow('officer')
  async createFair(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    const values = formValues(body, ['name', 'heldOn', 'partnerCity', 'siteId']);
    const dto = await checked(CreateFairDto, values);
    if (isError(dto, CreateFairDto)) return this.home(reply, user, { error: dto, values });
    try {
      await this.fairs.create(user, dto);
    } catch (e) {
      return this.home(reply, user, { error: refused(e), values });
    }
    return redirect(reply, `${BASE}?done=fair`);
  }

  private async newBatch(
    reply: FastifyReply,
    user: AuthUser,
    opts: { values?: Record<string, string | undefined>; residentIds?: string[]; error?: PageError } = {},
  ) {
    const q = Object.assign(new ResidentQuery(), { page: 1, pageSize: 100, status: 'active' });
    const [residents, fairs, sc] = await Promise.all([
      this.residents.list(user, q),
      this.fairs.list(user),
      this.sitesAndCities(user),
    ]);
    return render(
      reply,
      <NewBatchPage
        residents={residents.items}
        cities={sc.cities}
        fairs={fairs}
        today={todayInPilotZone()}
        {...opts}
      />,
      { status: opts.error ? 400 : 200 },
    );
  }

  @Get('batches/new')
  @Allow('officer')
  form(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    return this.newBatch(reply, user);
  }

  @Post('batches')
  @Allow('officer')
  async create(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    const values = formValues(body, ['partnerCity', 'departureOn', 'transport', 'fairId', 'liaisonPhone']);
    const residentIds = [...new Set(formStrings(body, 'residentIds'))].slice(0, 300);
    const dto = await checked(CreateBatchDto, {
      partnerCity: values.partnerCity,
      departureOn: values.departureOn,
      residentIds,
      transport: values.transport || undefined,
      fairId: values.fairId || undefined,
      liaisonPhone: values.liaisonPhone || undefined,
    });
    if (isError(dto, CreateBatchDto)) return this.newBatch(reply, user, { values, residentIds, error: dto });
    let id: string;
    try {
      id = await this.batches.create(user, dto);
    } catch (e) {
      return this.newBatch(reply, user, { values, residentIds, error: refused(e) });
    }
    return redirect(reply, `${BASE}/batches/${id}?done=created`);
  }

  private async batchPage(
    reply: FastifyReply,
    user: AuthUser,
    id: string,
    opts: { notice?: MessageKey; error?: PageError; typed?: MemberFormTyped } = {},
  ) {
    const b = await this.reads.get(user, id);
    return render(reply, <BatchPage b={b} today={todayInPilotZone()} {...opts} />, {
      status: opts.error ? 400 : 200,
    });
  }

  @Get('batches/:id')
  @Allow('officer')
  page(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('done') done?: string,
  ) {
    return this.batchPage(reply, user, id, {
      notice: done && Object.hasOwn(DONE, done) ? DONE[done] : undefined,
    });
  }

  /**
   * One member action: validate as the API does, call the service, back to the batch; refused,
   * the batch page again with that member's form as typed.
   */
  private async act<T extends object>(
    reply: FastifyReply,
    user: AuthUser,
    id: string,
    cls: new () => T,
    plain: Record<string, unknown>,
    run: (dto: T) => Promise<unknown>,
    done: string,
    typed: MemberFormTyped,
  ) {
    // The batch first: another site's batch is a 404 before any field is judged.
    await this.batches.managedBatch(user, id);
    const dto = await checked(cls, plain);
    if (isError(dto, cls)) return this.batchPage(reply, user, id, { error: dto, typed });
    try {
      await run(dto);
    } catch (e) {
      return this.batchPage(reply, user, id, { error: refused(e), typed });
    }
    return redirect(reply, `${BASE}/batches/${id}?done=${done}#member-${String(plain.residentId)}`);
  }

  @Post('batches/:id/arrivals')
  @Allow('officer')
  arrive(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    const v = formValues(body, ['residentId', 'arrivedOn', 'employerName']);
    return this.act(
      reply,
      user,
      id,
      ArrivalDto,
      { residentId: v.residentId, arrivedOn: v.arrivedOn, employerName: v.employerName || undefined },
      (dto) => this.batches.arrive(user, id, dto),
      'arrival',
      { residentId: v.residentId ?? '', form: 'arrivals', values: v },
    );
  }

  @Post('batches/:id/checks')
  @Allow('officer')
  check(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    const v = formValues(body, ['residentId', 'month', 'stillAtWork', 'checkedOn']);
    const plain = {
      residentId: v.residentId,
      month: v.month,
      stillAtWork: v.stillAtWork === 'true' ? true : v.stillAtWork === 'false' ? false : v.stillAtWork,
      checkedOn: v.checkedOn,
    };
    return this.act(
      reply,
      user,
      id,
      RetentionCheckInputDto,
      plain,
      (dto) => this.batches.check(user, id, dto),
      'check',
      { residentId: v.residentId ?? '', form: 'checks', values: v },
    );
  }

  @Post('batches/:id/returns')
  @Allow('officer')
  returnHome(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    const v = formValues(body, ['residentId', 'returnedOn', 'reason']);
    return this.act(
      reply,
      user,
      id,
      ReturnHomeDto,
      { residentId: v.residentId, returnedOn: v.returnedOn, reason: v.reason },
      (dto) => this.batches.returnHome(user, id, dto),
      'return',
      { residentId: v.residentId ?? '', form: 'returns', values: v },
    );
  }
}
