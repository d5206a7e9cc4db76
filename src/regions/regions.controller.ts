import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import { ApiPageResponse } from '../platform/openapi/api-page-response';
import type { Page } from '../kernel/pagination';
import { CreateSiteDto, RegionDto, RegionQuery, SiteDto, SiteQuery, UpdateSiteDto } from './dto/site.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('regions')
  @ApiOperation({ summary: 'List administrative divisions (GB/T 2260) under a parent' })
  @Public()
  @ApiOkResponse({ type: [RegionDto] })
  list(@Query() q: RegionQuery): Promise<RegionDto[]> {
    return this.regions.listRegions(q.parentCode);
  }

  @Get('sites/directory')
  @ApiOperation({ summary: 'List every resettlement site with its place' })
  @Public()
  @ApiOkResponse({
    type: [SiteDto],
    description: 'Every site with its place (no channels): for registration and search',
  })
  directory(): Promise<SiteDto[]> {
    return this.regions.directory();
  }

  @Post('sites')
  @ApiOperation({ summary: 'Create a resettlement site' })
  @Allow('admin', 'officer')
  @ApiCreatedResponse({ type: SiteDto })
  create(@Body() dto: CreateSiteDto, @CurrentUser() user: AuthUser): Promise<SiteDto> {
    return this.regions.createSite(user, dto);
  }

  @Get('sites')
  @ApiOperation({ summary: 'List the sites in your scope' })
  @ApiPageResponse(SiteDto, 'Sites in your scope')
  @Allow('admin', 'officer')
  listSites(@Query() q: SiteQuery, @CurrentUser() user: AuthUser): Promise<Page<SiteDto>> {
    return this.regions.listSites(user, q);
  }

  @Get('sites/:id')
  @ApiOperation({ summary: 'Get a site' })
  @Allow('admin', 'officer')
  @ApiOkResponse({ type: SiteDto })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<SiteDto> {
    return this.regions.getSite(user, id);
  }

  @Patch('sites/:id')
  @ApiOperation({ summary: 'Change a site' })
  @Allow('admin', 'officer')
  @ApiOkResponse({ type: SiteDto })
  update(@IdParam() id: string, @Body() dto: UpdateSiteDto, @CurrentUser() user: AuthUser): Promise<SiteDto> {
    return this.regions.updateSite(user, id, dto);
  }
}
