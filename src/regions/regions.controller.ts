import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../common/id-param';
import type { Page } from '../common/pagination';
import { CreateSiteDto, RegionDto, RegionQuery, SiteDto, SiteQuery, UpdateSiteDto } from './dto/site.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('regions')
  @Public()
  @ApiOkResponse({ type: [RegionDto] })
  list(@Query() q: RegionQuery): Promise<RegionDto[]> {
    return this.regions.listRegions(q.parentCode);
  }

  @Get('sites/directory')
  @Public()
  @ApiOkResponse({
    type: [SiteDto],
    description: 'Every site with its place (no channels): for registration and search',
  })
  directory(): Promise<SiteDto[]> {
    return this.regions.directory();
  }

  @Post('sites')
  @Allow('admin', 'officer')
  @ApiCreatedResponse({ type: SiteDto })
  create(@Body() dto: CreateSiteDto, @CurrentUser() user: AuthUser): Promise<SiteDto> {
    return this.regions.createSite(user, dto);
  }

  @Get('sites')
  @Allow('admin', 'officer')
  listSites(@Query() q: SiteQuery, @CurrentUser() user: AuthUser): Promise<Page<SiteDto>> {
    return this.regions.listSites(user, q);
  }

  @Get('sites/:id')
  @Allow('admin', 'officer')
  @ApiOkResponse({ type: SiteDto })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<SiteDto> {
    return this.regions.getSite(user, id);
  }

  @Patch('sites/:id')
  @Allow('admin', 'officer')
  @ApiOkResponse({ type: SiteDto })
  update(@IdParam() id: string, @Body() dto: UpdateSiteDto, @CurrentUser() user: AuthUser): Promise<SiteDto> {
    return this.regions.updateSite(user, id, dto);
  }
}
