import { Body, Controller, Get, Post, Put, Query, type StreamableFile } from '@nestjs/common';
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
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { XLSX_MIME } from '../../reports/xlsx-stream';
import {
  ClaimDto,
  ClaimListDto,
  ClaimsQuery,
  CreateClaimDto,
  EligibilityListDto,
  EligibilityQuery,
  EvidenceDto,
  NoticeQuery,
  SetEvidenceDto,
} from './dto/subsidy.dto';
import { SubsidiesService } from './subsidies.service';
import { SubsidyNoticeService } from './subsidy-notice.service';

const SITE_404 = 'No such site, or not one you manage';
const RESIDENT_404 = 'No such resident, or not of a site you manage';

@ApiTags('subsidies')
@Controller()
export class SubsidiesController {
  constructor(
    private readonly subsidies: SubsidiesService,
    private readonly notices: SubsidyNoticeService,
  ) {}

  @Get('subsidies/eligibility')
  @ApiOperation({
    summary: 'Who at a site is due a subsidy in a period, how much, since when, with the evidence checklist',
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: EligibilityListDto })
  @ApiBadRequestResponse({
    description: "A period not of the programme's claim period (e.g. a month for a yearly subsidy)",
  })
  @ApiNotFoundResponse({ description: SITE_404 })
  eligibility(@Query() q: EligibilityQuery, @CurrentUser() user: AuthUser): Promise<EligibilityListDto> {
    return this.subsidies.eligibility(user, q);
  }

  @Post('subsidies/claims')
  @ApiOperation({
    summary: 'File a subsidy claim for a resident and a period (joins the batch of the site and period)',
  })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: ClaimDto })
  @ApiBadRequestResponse({ description: "A period not of the programme's claim period" })
  @ApiNotFoundResponse({ description: RESIDENT_404 })
  @ApiConflictResponse({
    description:
      'subsidy.claim_duplicate / subsidy.claim_conflict (names the conflicting claim: the same programme and period, a one-time subsidy, or an excluding category), subsidy.not_eligible, subsidy.evidence_missing',
  })
  fileClaim(@Body() dto: CreateClaimDto, @CurrentUser() user: AuthUser): Promise<ClaimDto> {
    return this.subsidies.fileClaim(user, dto);
  }

  @Get('subsidies/claims')
  @ApiOperation({ summary: 'Claims filed at a site, newest first (up to 500)' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: ClaimListDto })
  @ApiNotFoundResponse({ description: SITE_404 })
  async claims(@Query() q: ClaimsQuery, @CurrentUser() user: AuthUser): Promise<ClaimListDto> {
    return { items: await this.subsidies.claims(user, q.siteId) };
  }

  @Put('subsidies/evidence')
  @ApiOperation({
    summary: "Mark an evidence item of a resident's subsidy as provided or verified (or missing again)",
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: EvidenceDto })
  @ApiBadRequestResponse({ description: 'An item the programme does not ask for' })
  @ApiNotFoundResponse({ description: RESIDENT_404 })
  setEvidence(@Body() dto: SetEvidenceDto, @CurrentUser() user: AuthUser): Promise<EvidenceDto> {
    return this.subsidies.setEvidence(user, dto);
  }

  @Get('exports/subsidy-notice.xlsx')
  @ApiOperation({ summary: 'The public notice roster (公示名单) of a batch of claims, national IDs masked' })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({
    description: 'One row per claim: name, masked national ID, programme, period, amount, basis (.xlsx)',
  })
  @ApiNotFoundResponse({ description: 'No such batch, or not of a site you manage' })
  noticeRoster(@Query() q: NoticeQuery, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return this.notices.roster(user, q.batch);
  }
}
