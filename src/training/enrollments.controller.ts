import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import { PageQuery, type Page } from '../kernel/pagination';
import { CreateEnrollmentDto, EnrollmentDto, EnrollmentPageDto, EnrollmentQuery } from './dto/enrollment.dto';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('training')
@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post('courses/:id/enrollments')
  @ApiOperation({ summary: 'Enrol a resident in a course' })
  @Allow('resident', 'officer', 'admin')
  @ApiCreatedResponse({
    type: EnrollmentDto,
    description: 'The resident itself or an officer in scope; 409 when full or already enrolled',
  })
  enroll(
    @IdParam() id: string,
    @Body() dto: CreateEnrollmentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EnrollmentDto> {
    return this.enrollments.enroll(user, id, dto.residentId);
  }

  @Get('courses/:id/enrollments')
  @ApiOperation({ summary: 'List the enrolments of a course' })
  @Allow('provider', 'officer', 'admin')
  @ApiOkResponse({
    type: EnrollmentPageDto,
    description: 'The owning provider, or an officer in the course area',
  })
  listForCourse(
    @IdParam() id: string,
    @Query() q: PageQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<EnrollmentDto>> {
    return this.enrollments.listForCourse(user, id, q);
  }

  @Get('enrollments')
  @ApiOperation({ summary: "List a resident's enrolments" })
  @Allow('resident', 'officer', 'admin')
  @ApiOkResponse({ type: EnrollmentPageDto, description: 'The resident (own), officers in scope' })
  listForResident(@Query() q: EnrollmentQuery, @CurrentUser() user: AuthUser): Promise<Page<EnrollmentDto>> {
    return this.enrollments.listForResident(user, q);
  }

  @Post('enrollments/:id/attend')
  @ApiOperation({ summary: 'Mark an enrolment as attending' })
  @HttpCode(200)
  @Allow('provider', 'officer', 'admin')
  @ApiOkResponse({ type: EnrollmentDto, description: 'enrolled → attending; other moves are 409' })
  attend(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EnrollmentDto> {
    return this.enrollments.attend(user, id);
  }

  @Post('enrollments/:id/complete')
  @ApiOperation({ summary: "Complete an enrolment (grants the course's skills)" })
  @HttpCode(200)
  @Allow('provider', 'officer', 'admin')
  @ApiOkResponse({
    type: EnrollmentDto,
    description: "enrolled | attending → completed; grants the course's skills to the resident",
  })
  complete(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EnrollmentDto> {
    return this.enrollments.complete(user, id);
  }

  @Post('enrollments/:id/drop')
  @ApiOperation({ summary: 'Drop an enrolment' })
  @HttpCode(200)
  @Allow('resident', 'provider', 'officer', 'admin')
  @ApiOkResponse({ type: EnrollmentDto, description: 'enrolled | attending → dropped; frees the seat' })
  drop(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EnrollmentDto> {
    return this.enrollments.drop(user, id);
  }
}
