import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import { DashboardService } from './dashboard.service';
import { DashboardDto } from './dto/dashboard.dto';
import { ExportQuery } from './dto/export-query.dto';
import { SummaryDto } from './dto/summary.dto';
import { ExportsService } from './exports.service';
import { IndicatorsService } from './indicators.service';
import { XLSX_MIME } from './xlsx-stream';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly dashboards: DashboardService,
    private readonly exports: ExportsService,
  ) {}

  @Get('sites/:id/summary')
  @ApiOperation({ summary: 'Employment figures of a site' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: SummaryDto, description: 'Officers of the site; each figure with its definition' })
  siteSummary(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<SummaryDto> {
    return this.indicators.siteSummary(user, id);
  }

  @Get('regions/:code/summary')
  @ApiOperation({ summary: 'Employment figures of a region' })
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: SummaryDto,
    description: 'A township or county: the sites inside it aggregated. Officers whose regions cover it.',
  })
  regionSummary(@Param('code') code: string, @CurrentUser() user: AuthUser): Promise<SummaryDto> {
    return this.indicators.regionSummary(user, code);
  }

  @Get('sites/:id/dashboard')
  @ApiOperation({ summary: "The officer's dashboard of a site" })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: DashboardDto, description: 'Series for the officer’s charts' })
  dashboard(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<DashboardDto> {
    return this.dashboards.dashboard(user, id);
  }

  @Get('exports/placements')
  @ApiOperation({ summary: 'Export placements as Excel' })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: 'Placements of the site (.xlsx, Chinese headers, IDs and phones masked)' })
  exportPlacements(@Query() q: ExportQuery, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return this.exports.placements(user, q.siteId);
  }

  @Get('exports/zero-employment-households')
  @ApiOperation({ summary: 'Export zero-employment households as Excel' })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: 'Zero-employment households of the site (.xlsx)' })
  exportZeroEmployment(@Query() q: ExportQuery, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return this.exports.zeroEmploymentHouseholds(user, q.siteId);
  }

  @Get('exports/site-indicators')
  @ApiOperation({ summary: 'Export site indicators as Excel' })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: 'The site’s indicators with their definitions (.xlsx)' })
  exportIndicators(@Query() q: ExportQuery, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return this.exports.siteIndicators(user, q.siteId);
  }
}
