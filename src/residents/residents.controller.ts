import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { NotFoundError } from '../kernel/domain-errors';
import { IdParam } from '../platform/http/id-param';
import type { Page } from '../kernel/pagination';
import { ApiPageResponse } from '../platform/openapi/api-page-response';
import {
  ConfirmResidentDto,
  CreateResidentDto,
  ResidentDto,
  ResidentExportDto,
  ResidentQuery,
  ResidentSummaryDto,
  UpdateResidentDto,
} from './dto/resident.dto';
import { ResidentPrivacyService } from './resident-privacy.service';
import { ResidentsService } from './residents.service';

@ApiTags('residents')
@Controller('residents')
export class ResidentsController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly privacy: ResidentPrivacyService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a resident in a household' })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({
    type: ResidentDto,
    description: 'Officers of the household’s site; 409 on a duplicate national ID',
  })
  create(@Body() dto: CreateResidentDto, @CurrentUser() user: AuthUser): Promise<ResidentDto> {
    return this.residents.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List or search residents in your scope' })
  @Allow('officer', 'admin')
  @ApiPageResponse(ResidentSummaryDto, 'Residents in scope (paged, summaries); every item read is audited')
  list(@Query() q: ResidentQuery, @CurrentUser() user: AuthUser): Promise<Page<ResidentSummaryDto>> {
    return this.residents.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: "Get a resident's profile" })
  @Allow('officer', 'admin', 'resident')
  @ApiOkResponse({ type: ResidentDto, description: 'Officers in scope (audited) or the resident itself' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ResidentDto> {
    return this.residents.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a resident's profile" })
  @Allow('officer', 'admin', 'resident')
  @ApiOkResponse({
    type: ResidentDto,
    description:
      'Officers of the site (audited as acting on behalf of the resident); the resident itself only phone, education, consent, preferences, self-declared skills, alerts, care duties and languages (403 otherwise)',
  })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateResidentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ResidentDto> {
    return this.residents.update(user, id, dto);
  }

  @Post(':id/confirm')
  @ApiOperation({ summary: 'Confirm a self-registered resident' })
  @HttpCode(200)
  @Allow('officer', 'admin')
  @ApiOkResponse({
    type: ResidentDto,
    description: 'Confirms a pending (self-registered) resident; 409 if not pending',
  })
  confirm(
    @IdParam() id: string,
    @Body() dto: ConfirmResidentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ResidentDto> {
    return this.residents.confirm(user, id, dto);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Export your own data (the resident)' })
  @Allow('resident')
  @ApiOkResponse({
    type: ResidentExportDto,
    description: 'The resident’s own data (national ID stays masked)',
  })
  export(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ResidentExportDto> {
    if (user.residentId !== id) throw new NotFoundError('Resident');
    return this.privacy.exportOwnData(user);
  }

  @Post(':id/erase')
  @ApiOperation({ summary: "Erase a resident's personal data" })
  @HttpCode(200)
  @Allow('resident', 'admin')
  @ApiOkResponse({
    description: 'Erases the personal fields and disables the account; the row stays for statistics',
  })
  erase(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<{ id: string; erasedAt: Date }> {
    return this.privacy.erasePersonalData(user, id);
  }
}
