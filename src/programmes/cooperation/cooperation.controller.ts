import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { IdParam } from '../../platform/http/id-param';
import { BatchesService } from './batches.service';
import { CooperationReadsService } from './cooperation-reads.service';
import {
  ArrivalDto,
  ArrivalResultDto,
  BatchDetailDto,
  BatchListDto,
  CreateBatchDto,
  CreateFairDto,
  FairDetailDto,
  FairDto,
  FairListDto,
  OutcomeListDto,
  OutcomesQuery,
  RetentionCheckInputDto,
  RetentionDto,
  ReturnHomeDto,
  ReturnHomeResultDto,
  SiteFilterQuery,
} from './dto/cooperation.dto';
import { FairsService } from './fairs.service';

const BATCH_404 = 'No such batch, or not one of your sites (a liaison officer: not a batch naming you)';

/** East–west labour cooperation (东西部劳务协作, issue 17 §3): fairs, outflow batches, retention. */
@ApiTags('cooperation')
@Controller('cooperation')
export class CooperationController {
  constructor(
    private readonly batches: BatchesService,
    private readonly reads: CooperationReadsService,
    private readonly fairs: FairsService,
  ) {}

  @Post('batches')
  @ApiOperation({ summary: 'Record an outflow batch (a bus or a chartered train) to a partner city' })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: BatchDetailDto })
  @ApiBadRequestResponse({ description: 'A field named: residents not of one site you manage, an unknown partner city, …' })
  @ApiConflictResponse({ description: 'cooperation.already_away: a resident is away with another batch' })
  async create(@Body() dto: CreateBatchDto, @CurrentUser() user: AuthUser): Promise<BatchDetailDto> {
    return this.reads.get(user, await this.batches.create(user, dto));
  }

  @Get('batches')
  @ApiOperation({ summary: 'Batches of your sites (a liaison officer: the batches naming you)' })
  @Allow('officer', 'admin', 'liaison')
  @ApiOkResponse({ type: BatchListDto })
  async list(@Query() q: SiteFilterQuery, @CurrentUser() user: AuthUser): Promise<BatchListDto> {
    return { items: await this.reads.list(user, q.siteId) };
  }

  @Get('batches/:id')
  @ApiOperation({
    summary: 'A batch with its members, their work status and retention checks',
    description: "A liaison officer reads only the members' names and work status.",
  })
  @Allow('officer', 'admin', 'liaison')
  @ApiOkResponse({ type: BatchDetailDto })
  @ApiNotFoundResponse({ description: BATCH_404 })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<BatchDetailDto> {
    return this.reads.get(user, id);
  }

  @Post('batches/:id/arrivals')
  @ApiOperation({
    summary: "Confirm a member's arrival: starts the away-from-home placement and the retention checks",
  })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: ArrivalResultDto, description: 'Confirmed' })
  @ApiOkResponse({ type: ArrivalResultDto, description: 'Already confirmed on that date: nothing changed' })
  @ApiBadRequestResponse({ description: 'e.g. arrivedOn before the departure or in the future; not a member' })
  @ApiNotFoundResponse({ description: BATCH_404 })
  @ApiConflictResponse({ description: 'Confirmed on another date, or the member returned home' })
  async arrive(
    @IdParam() id: string,
    @Body() dto: ArrivalDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ArrivalResultDto> {
    const { created, result } = await this.batches.arrive(user, id, dto);
    reply.status(created ? 201 : 200);
    return result;
  }

  @Post('batches/:id/checks')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a retention check (also the placement follow-up of that date)' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: RetentionDto })
  @ApiBadRequestResponse({ description: 'e.g. no such check month, a date before arrival or in the future' })
  @ApiNotFoundResponse({ description: BATCH_404 })
  @ApiConflictResponse({ description: 'The check was recorded or cancelled already' })
  check(
    @IdParam() id: string,
    @Body() dto: RetentionCheckInputDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RetentionDto> {
    return this.batches.check(user, id, dto);
  }

  @Post('batches/:id/returns')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a return home with its reason',
    description:
      'Ends the away-from-home placement; a household left with no one at work becomes zero-employment and casework reopens its case.',
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: ReturnHomeResultDto })
  @ApiBadRequestResponse({ description: 'e.g. a date before the arrival or in the future; not a member' })
  @ApiNotFoundResponse({ description: BATCH_404 })
  @ApiConflictResponse({ description: 'Returned home already' })
  returnHome(
    @IdParam() id: string,
    @Body() dto: ReturnHomeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReturnHomeResultDto> {
    return this.batches.returnHome(user, id, dto);
  }

  @Get('outcomes')
  @ApiOperation({ summary: 'Departed, arrived and still at work at 3 and 6 months, per fair, partner employer or city' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: OutcomeListDto })
  outcomes(@Query() q: OutcomesQuery, @CurrentUser() user: AuthUser): Promise<OutcomeListDto> {
    return this.reads.outcomes(user, q.by, q.siteId);
  }

  @Post('fairs')
  @ApiOperation({ summary: "Record a job fair with the partner city's employers and postings" })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: FairDto })
  @ApiBadRequestResponse({ description: 'A field named: a site you do not manage, an unknown partner city, employer or posting' })
  createFair(@Body() dto: CreateFairDto, @CurrentUser() user: AuthUser): Promise<FairDto> {
    return this.fairs.create(user, dto);
  }

  @Get('fairs')
  @ApiOperation({ summary: 'Job fairs of your sites, newest first' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: FairListDto })
  async listFairs(@Query() q: SiteFilterQuery, @CurrentUser() user: AuthUser): Promise<FairListDto> {
    return { items: await this.fairs.list(user, q.siteId) };
  }

  @Get('fairs/:id')
  @ApiOperation({ summary: 'A job fair with its employers and postings' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: FairDetailDto })
  @ApiNotFoundResponse({ description: 'No such fair, or not one of your sites' })
  getFair(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<FairDetailDto> {
    return this.fairs.get(user, id);
  }
}
