import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
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
import { ApplicationsService } from './applications.service';
import {
  ApplicationDto,
  ApplicationPageDto,
  ApplicationQuery,
  CreateApplicationDto,
  InviteApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('applications')
  @ApiOperation({ summary: 'Apply to a posting (or refer a resident, as an officer)' })
  @Allow('resident', 'officer', 'admin')
  @ApiCreatedResponse({
    type: ApplicationDto,
    description:
      'status applied; source self (resident) or officer_referral (officer in scope of the resident). After a withdrawal or a declined invitation the resident may apply again (a new application)',
  })
  @ApiNotFoundResponse({ description: 'No such posting, or a resident you may not act for' })
  @ApiConflictResponse({
    description:
      'posting.not_open, application.duplicate (already applied), or a public_welfare.* rule (age_limit, one_per_person, one_per_household)',
  })
  apply(@Body() dto: CreateApplicationDto, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.apply(user, dto);
  }

  @Post('applications/invite')
  @ApiOperation({ summary: 'Invite a matched resident to apply (the employer)' })
  @Allow('employer')
  @ApiCreatedResponse({
    type: ApplicationDto,
    description:
      'status invited, source employer_invitation; the resident is told and accepts or declines. Until they accept, the employer sees the masked candidate (no name, no phone)',
  })
  @ApiNotFoundResponse({ description: 'Not your posting, or the resident does not share their profile' })
  @ApiConflictResponse({
    description:
      'As POST /applications; application.invitation_declined when the resident declined this posting before',
  })
  invite(@Body() dto: InviteApplicationDto, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.invite(user, dto);
  }

  @Get('applications')
  @ApiOperation({ summary: 'List applications' })
  @Allow('resident', 'employer', 'officer', 'admin')
  @ApiOkResponse({
    type: ApplicationPageDto,
    description:
      'Employer: own postings; resident: own; officer: residents in scope. Public-welfare posts list zero-employment and monitored households first.',
  })
  @ApiNotFoundResponse({ description: 'postingId is not a posting of yours (employer)' })
  list(@Query() q: ApplicationQuery, @CurrentUser() user: AuthUser): Promise<Page<ApplicationDto>> {
    return this.applications.list(user, q);
  }

  @Get('applications/:id')
  @ApiOperation({ summary: 'Get an application' })
  @Allow('resident', 'employer', 'officer', 'admin')
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ description: 'No such application, or not yours / out of scope' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.get(user, id);
  }

  @Post('applications/:id/accept')
  @ApiOperation({ summary: 'Accept an invitation to apply' })
  @HttpCode(200)
  @Allow('resident', 'officer', 'admin')
  @ApiOkResponse({
    type: ApplicationDto,
    description:
      'The resident (or an officer managing them, audited with both identities) accepts an invitation: invited → applied; the employer then sees the contact',
  })
  @ApiNotFoundResponse({ description: 'No such application, or not yours / out of scope' })
  @ApiConflictResponse({
    description:
      'application.illegal_transition (not an open invitation), posting.not_open, public_welfare.*',
  })
  accept(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.accept(user, id);
  }

  @Post('applications/:id/decline')
  @ApiOperation({ summary: 'Decline an invitation to apply' })
  @HttpCode(200)
  @Allow('resident', 'officer', 'admin')
  @ApiOkResponse({
    type: ApplicationDto,
    description: 'The resident (or an officer for them) declines an invitation: invited → declined (final)',
  })
  @ApiNotFoundResponse({ description: 'No such application, or not yours / out of scope' })
  @ApiConflictResponse({ description: 'application.illegal_transition (not an open invitation)' })
  decline(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.decline(user, id);
  }

  @Patch('applications/:id')
  @ApiOperation({
    summary: 'Move an application on (viewed, interview, offered, hired, rejected, withdrawn)',
  })
  @Allow('resident', 'employer', 'officer', 'admin')
  @ApiOkResponse({
    type: ApplicationDto,
    description: 'hired also fills headcount and creates the placement (placementId)',
  })
  @ApiNotFoundResponse({ description: 'No such application, or not yours / out of scope' })
  @ApiConflictResponse({ description: 'application.illegal_transition, posting.not_open, public_welfare.*' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateApplicationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationDto> {
    return this.applications.changeStatus(user, id, dto);
  }
}
