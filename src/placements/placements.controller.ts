import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import {
  CreateFollowUpDto,
  FollowUpTaskDto,
  FollowUpTaskPageDto,
  FollowUpTaskQuery,
} from './dto/follow-up.dto';
import {
  CreatePlacementDto,
  EndPlacementDto,
  EndPlacementResultDto,
  FollowUpDto,
  PlacementDto,
  PlacementPageDto,
  PlacementQuery,
} from './dto/placement.dto';
import { FollowUpsService } from './follow-ups.service';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@Controller()
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Post('placements')
  @ApiOperation({ summary: 'Record a placement (a resident at work)' })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({
    type: PlacementDto,
    description: "Recorded by an officer of the resident's site; the resident becomes employed",
  })
  @ApiBadRequestResponse({ description: 'e.g. partnerCity missing for away_from_home' })
  @ApiNotFoundResponse({ description: 'No such resident, or not managed by you' })
  @ApiConflictResponse({ description: 'public_welfare.* rule failed (code names the rule)' })
  create(@Body() dto: CreatePlacementDto, @CurrentUser() user: AuthUser): Promise<PlacementDto> {
    return this.placements.create(user, dto);
  }

  @Get('placements')
  @ApiOperation({ summary: 'List placements in your scope' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: PlacementPageDto, description: 'Placements of households you may read' })
  list(@Query() q: PlacementQuery, @CurrentUser() user: AuthUser): Promise<Page<PlacementDto>> {
    return this.placements.list(user, q);
  }

  @Get('placements/:id')
  @ApiOperation({ summary: 'Get a placement with its follow-ups' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: PlacementDto, description: 'With its follow-ups, oldest first' })
  @ApiNotFoundResponse({ description: 'No such placement, or out of your scope' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<PlacementDto> {
    return this.placements.get(user, id);
  }

  @Post('placements/:id/end')
  @ApiOperation({ summary: 'End a placement' })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: EndPlacementResultDto,
    description:
      'Ends it; a household left with no one at work raises the at-risk alert to the officers of its site and origin region',
  })
  @ApiConflictResponse({ description: 'placement.already_ended' })
  end(
    @IdParam() id: string,
    @Body() dto: EndPlacementDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EndPlacementResultDto> {
    return this.placements.end(user, id, dto);
  }

  @Post('placements/:id/follow-ups')
  @ApiOperation({ summary: 'Record a follow-up of a placement' })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({
    type: FollowUpDto,
    description: 'A new row (history kept); closes the due follow-up tasks',
  })
  @ApiNotFoundResponse({ description: 'No such placement, or not managed by you' })
  addFollowUp(
    @IdParam() id: string,
    @Body() dto: CreateFollowUpDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FollowUpDto> {
    return this.placements.addFollowUp(user, id, dto);
  }

  @Get('follow-ups')
  @ApiOperation({ summary: 'List follow-ups that are due' })
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: FollowUpTaskPageDto,
    description: 'Follow-up tasks of the sites you manage, most overdue first',
  })
  @ApiNotFoundResponse({ description: 'siteId is not a site you manage' })
  tasks(@Query() q: FollowUpTaskQuery, @CurrentUser() user: AuthUser): Promise<Page<FollowUpTaskDto>> {
    return this.followUps.list(user, q);
  }
}
