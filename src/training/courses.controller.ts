import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import { CoursesService } from './courses.service';
import {
  CourseDto,
  CoursePageDto,
  CourseQuery,
  CourseSessionDto,
  CreateCourseDto,
  CreateSessionDto,
  UpdateCourseDto,
} from './dto/course.dto';

@ApiTags('training')
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a training course' })
  @Allow('provider', 'officer')
  @ApiCreatedResponse({ type: CourseDto, description: 'Owned by the caller; an officer only in their area' })
  create(@Body() dto: CreateCourseDto, @CurrentUser() user: AuthUser): Promise<CourseDto> {
    return this.courses.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List open training courses' })
  @Public()
  @ApiOkResponse({ type: CoursePageDto, description: 'Open courses, soonest first' })
  list(@Query() q: CourseQuery): Promise<Page<CourseDto>> {
    return this.courses.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a training course' })
  @Public()
  @ApiOkResponse({ type: CourseDto, description: 'With its sessions' })
  get(@IdParam() id: string): Promise<CourseDto> {
    return this.courses.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a training course' })
  @Allow('provider', 'officer', 'admin')
  @ApiOkResponse({ type: CourseDto, description: 'The owning provider, or an officer in the course area' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateCourseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CourseDto> {
    return this.courses.update(user, id, dto);
  }

  @Post(':id/sessions')
  @ApiOperation({ summary: 'Add a session to a course' })
  @Allow('provider', 'officer', 'admin')
  @ApiCreatedResponse({ type: CourseSessionDto })
  addSession(
    @IdParam() id: string,
    @Body() dto: CreateSessionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CourseSessionDto> {
    return this.courses.addSession(user, id, dto);
  }
}
