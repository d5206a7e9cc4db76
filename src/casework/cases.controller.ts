import { Body, Controller, Get, HttpCode, Post, Put, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import { XLSX_MIME } from '../reports/xlsx-stream';
import { CaseActionsService } from './case-actions.service';
import { CaseDashboardService } from './case-dashboard.service';
import { CaseDashboardDto } from './dto/case-dashboard.dto';
import { CaseExportService } from './case-export.service';
import { CaseReadsService } from './case-reads.service';
import {
  CaseActionDto,
  CaseDetailDto,
  CaseDto,
  CasePageDto,
  CaseQuery,
  CloseCaseDto,
  CreateCaseActionDto,
  ExportCasesQuery,
  LedgerDto,
  UpdateLedgerDto,
} from './dto/case.dto';

const SCOPE_404 = 'No such case, or its household is neither of your sites nor registered in your regions';

@ApiTags('casework')
@Controller()
export class CasesController {
  constructor(
    private readonly reads: CaseReadsService,
    private readonly actions: CaseActionsService,
    private readonly exports: CaseExportService,
    private readonly dashboards: CaseDashboardService,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: 'List zero-employment cases in your scope, by due date' })
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: CasePageDto,
    description: 'Cases of households of your sites or registered in your regions',
  })
  list(@Query() q: CaseQuery, @CurrentUser() user: AuthUser): Promise<Page<CaseDto>> {
    return this.reads.list(user, q);
  }

  @Get('cases/dashboard')
  @ApiOperation({
    summary: 'Casework figures per site and per origin township',
    description:
      'Open and overdue cases, median working days to first contact, the share cleared within the deadline ' +
      'and the service-bundle completion, over the cases you read; each row links to the GET /cases filter it counts',
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: CaseDashboardDto })
  dashboard(@CurrentUser() user: AuthUser): Promise<CaseDashboardDto> {
    return this.dashboards.dashboard(user);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'Get a case with its actions and the five things known' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<CaseDetailDto> {
    return this.reads.get(user, id);
  }

  @Post('cases/:id/actions')
  @ApiOperation({
    summary: 'Log an action on a case (contact, briefing, guidance, referral, training offer)',
  })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({
    type: CaseActionDto,
    description: 'The first action that reaches the household is its first contact',
  })
  @ApiBadRequestResponse({ description: 'e.g. a date in the future, a resident of another household' })
  @ApiNotFoundResponse({ description: `${SCOPE_404}; or a resident, posting or course you may not name` })
  @ApiConflictResponse({ description: 'The case is closed' })
  logAction(
    @IdParam() id: string,
    @Body() dto: CreateCaseActionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseActionDto> {
    return this.actions.logAction(user, id, dto);
  }

  @Put('cases/:id/ledger')
  @ApiOperation({ summary: 'Set the five things known of the household' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: LedgerDto, description: 'Fields not sent are kept; null or empty clears one' })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  putLedger(
    @IdParam() id: string,
    @Body() dto: UpdateLedgerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LedgerDto> {
    return this.actions.putLedger(user, id, dto);
  }

  @Post('cases/:id/close')
  @ApiOperation({ summary: 'Close a case for a recognised reason' })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({ description: 'Closed' })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  @ApiConflictResponse({
    description: 'case.evidence_missing (the message names what is missing) or case.closed',
  })
  close(
    @IdParam() id: string,
    @Body() dto: CloseCaseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ id: string; status: 'closed'; closedReason: string }> {
    return this.actions.close(user, id, dto);
  }

  @Get('exports/cases.xlsx')
  @ApiOperation({ summary: 'Export the casework ledger as Excel' })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({
    description: 'One row per household and member: five things known, services, dates (.xlsx)',
  })
  @ApiBadRequestResponse({ description: 'siteId or regionCode is required' })
  exportLedger(@Query() q: ExportCasesQuery, @CurrentUser() user: AuthUser): StreamableFile {
    return this.exports.ledger(user, q);
  }
}
