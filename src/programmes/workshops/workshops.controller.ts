import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { IdParam } from '../../platform/http/id-param';
import { CreateWorkshopDto, WorkshopDetailDto, WorkshopListDto, WorkshopQuery } from './dto/workshop.dto';
import { WorkshopsService } from './workshops.service';

@ApiTags('programmes')
@Controller('workshops')
export class WorkshopsController {
  constructor(private readonly workshops: WorkshopsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a poverty-alleviation workshop (就业帮扶车间) of a site' })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: WorkshopDetailDto, description: 'Registered, with its current quarter' })
  @ApiBadRequestResponse({
    description:
      'A field is invalid, e.g. the employer is not a verified workshop, recognisedOn in the future',
  })
  @ApiNotFoundResponse({ description: 'No such site or employer in your scope' })
  @ApiConflictResponse({ description: 'workshop.duplicate_employer: the employer is already registered' })
  register(@Body() dto: CreateWorkshopDto, @CurrentUser() user: AuthUser): Promise<WorkshopDetailDto> {
    return this.workshops.register(user, dto);
  }

  @Get()
  @ApiOperation({
    summary: "List workshops of a site (or of every site you manage) with this quarter's state",
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: WorkshopListDto })
  @ApiNotFoundResponse({ description: 'siteId names a site you do not manage' })
  list(@Query() q: WorkshopQuery, @CurrentUser() user: AuthUser): Promise<WorkshopListDto> {
    return this.workshops.list(user, q);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a workshop with its quarter, the upgrade checklist and its quarters on record',
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: WorkshopDetailDto })
  @ApiNotFoundResponse({ description: 'No such workshop at a site you manage' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<WorkshopDetailDto> {
    return this.workshops.get(user, id);
  }
}
