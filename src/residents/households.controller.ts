import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import { ApiPageResponse } from '../platform/openapi/api-page-response';
import { CreateHouseholdDto, HouseholdDto, HouseholdQuery, UpdateHouseholdDto } from './dto/household.dto';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a household at a site' })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: HouseholdDto, description: 'Officers of the site (or a region containing it)' })
  create(@Body() dto: CreateHouseholdDto, @CurrentUser() user: AuthUser): Promise<HouseholdDto> {
    return this.households.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List households in your scope' })
  @Allow('officer', 'admin')
  @ApiPageResponse(HouseholdDto, 'Households of the sites and origin regions in scope (paged)')
  list(@Query() q: HouseholdQuery, @CurrentUser() user: AuthUser): Promise<Page<HouseholdDto>> {
    return this.households.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a household with its members' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: HouseholdDto, description: 'With its members; origin-region officers read too' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<HouseholdDto> {
    return this.households.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a household' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: HouseholdDto, description: 'Officers of the site; origin-region officers get 403' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateHouseholdDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HouseholdDto> {
    return this.households.update(user, id, dto);
  }
}
