import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import {
  DismissMatchDto,
  LangQuery,
  MatchActionDto,
  MatchQueueQuery,
  OfficerMatchPageDto,
  PostingMatchesQuery,
  PostingMatchPageDto,
  RecommendationsDto,
  type EmployerMatchDto,
  type OfficerMatchDto,
} from './dto/match.dto';
import { MatchesService } from './matches.service';
import { RecommendationsService } from './recommendations.service';

@ApiTags('matching')
@Controller()
export class MatchesController {
  constructor(
    private readonly matches: MatchesService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Get('postings/:id/matches')
  @ApiOperation({ summary: 'List the ranked candidates of a posting' })
  @Allow('officer', 'employer', 'admin')
  @ApiOkResponse({
    type: PostingMatchPageDto,
    description:
      'Ranked. Officers: residents in their scope, with names. The owning employer: consenting residents only, masked, no contact data.',
  })
  @ApiNotFoundResponse({ description: 'No such posting, or not yours / not readable' })
  postingMatches(
    @IdParam() id: string,
    @Query() q: PostingMatchesQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<OfficerMatchDto | EmployerMatchDto>> {
    return this.matches.forPosting(user, id, q);
  }

  @Get('residents/:id/recommendations')
  @ApiOperation({ summary: 'Recommend postings and gap-closing courses to a resident' })
  @Allow('resident', 'officer', 'admin')
  @ApiOkResponse({ type: RecommendationsDto, description: 'Recommended postings and gap-closing courses' })
  @ApiNotFoundResponse({ description: 'No such resident, or not you / not in your scope' })
  residentRecommendations(
    @IdParam() id: string,
    @Query() q: LangQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<RecommendationsDto> {
    return this.recommendations.forResident(user, id, q.lang);
  }

  @Get('matches')
  @ApiOperation({ summary: "Matches to refer: the officer's work queue" })
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: OfficerMatchPageDto,
    description: 'Work queue: matches of open postings for residents of your sites, household priority first',
  })
  @ApiNotFoundResponse({ description: 'siteId is not a site in your scope' })
  queue(@Query() q: MatchQueueQuery, @CurrentUser() user: AuthUser): Promise<Page<OfficerMatchDto>> {
    return this.matches.queue(user, q);
  }

  @Post('matches/:id/refer')
  @ApiOperation({ summary: 'Refer a matched resident to the posting' })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: MatchActionDto })
  @ApiNotFoundResponse({ description: 'No such match, or the resident is not in your scope' })
  @ApiConflictResponse({
    description: 'Already referred, the posting is no longer open, or the resident already applied',
  })
  refer(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<MatchActionDto> {
    return this.matches.refer(user, id);
  }

  @Post('matches/:id/dismiss')
  @ApiOperation({ summary: 'Set a match aside with a reason' })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: MatchActionDto })
  @ApiNotFoundResponse({ description: 'No such match, or the resident is not in your scope' })
  @ApiConflictResponse({ description: 'Already referred' })
  dismiss(
    @IdParam() id: string,
    @Body() dto: DismissMatchDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MatchActionDto> {
    return this.matches.dismiss(user, id, dto.reason);
  }
}
