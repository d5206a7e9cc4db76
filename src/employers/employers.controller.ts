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
import {
  CreateEmployerDto,
  EmployerDto,
  EmployerPageDto,
  EmployerQuery,
  RejectEmployerDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import { EmployersService } from './employers.service';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post()
  @ApiOperation({ summary: 'Create your employer record (unverified)' })
  @Allow('employer')
  @ApiCreatedResponse({ type: EmployerDto, description: 'Created unverified; the account is linked to it' })
  @ApiConflictResponse({ description: 'Duplicate credit code, or the account already has an employer' })
  create(@Body() dto: CreateEmployerDto, @CurrentUser() user: AuthUser): Promise<EmployerDto> {
    return this.employers.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List employers in your area' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: EmployerPageDto, description: "Employers in the officer's area" })
  list(@Query() q: EmployerQuery, @CurrentUser() user: AuthUser): Promise<Page<EmployerDto>> {
    return this.employers.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an employer' })
  @Allow('employer', 'officer', 'admin')
  @ApiOkResponse({ type: EmployerDto })
  @ApiNotFoundResponse({ description: 'No such employer, or not yours / not in your area' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EmployerDto> {
    return this.employers.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an employer record' })
  @Allow('employer', 'admin')
  @ApiOkResponse({
    type: EmployerDto,
    description:
      'A new name, credit code, kind or regionCode resets the verification (back to review; postings stay); any change of a refused employer puts it back in the queue',
  })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateEmployerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EmployerDto> {
    return this.employers.update(user, id, dto);
  }

  @Post(':id/verify')
  @ApiOperation({ summary: 'Verify an employer' })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: EmployerDto })
  verify(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EmployerDto> {
    return this.employers.verify(user, id);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: "Refuse an employer's verification, with a reason shown to them" })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: EmployerDto,
    description: 'Refuses the verification with a reason shown to the employer (rejection); unverifies',
  })
  @ApiNotFoundResponse({ description: 'No such employer, or not in your area' })
  reject(
    @IdParam() id: string,
    @Body() dto: RejectEmployerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EmployerDto> {
    return this.employers.reject(user, id, dto);
  }
}
