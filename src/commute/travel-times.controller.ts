import '@fastify/multipart';
import { Body, Controller, Delete, Get, HttpCode, Post, Req, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { InvalidInputError } from '../kernel/domain-errors';
import { IdParam } from '../platform/http/id-param';
import { XLSX_MIME } from '../reports/xlsx-stream';
import { CreateTravelTimeDto, TravelTimeDto, TravelTimeImportResultDto } from './dto/travel-time.dto';
import { TravelTimesExcel } from './travel-times-excel';
import { TravelTimesService } from './travel-times.service';

const SCOPE_404 = 'No such site, or you do not manage it';

@ApiTags('commute')
@Controller('sites/:id/travel-times')
export class TravelTimesController {
  constructor(private readonly service: TravelTimesService) {}

  @Get()
  @ApiOperation({
    summary: "List a site's recorded travel times",
    description:
      'Where none applies to a workplace, matching and search use the estimate of config/commute.yaml',
  })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: [TravelTimeDto] })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  list(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<TravelTimeDto[]> {
    return this.service.list(user, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Record a way from the site to a destination (a township, a park, a named place)',
  })
  @Allow('officer', 'admin')
  @ApiCreatedResponse({ type: TravelTimeDto })
  @ApiBadRequestResponse({
    description:
      'Names the field: e.g. minutes outside 1..600, a time not HH:MM, no destination, an unknown employer',
  })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  create(
    @IdParam() id: string,
    @Body() dto: CreateTravelTimeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TravelTimeDto> {
    return this.service.create(user, id, dto);
  }

  @Delete(':tid')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a recorded travel time' })
  @Allow('officer', 'admin')
  @ApiNoContentResponse({ description: 'Deleted; the estimate applies again where nothing else is recorded' })
  @ApiNotFoundResponse({ description: `${SCOPE_404}; or no such row at this site` })
  async remove(
    @IdParam() id: string,
    @IdParam('tid') tid: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.service.remove(user, id, tid);
  }
}

/** The Excel routes sit beside the JSON ones (`.xlsx`, `/import`) under the same scope rule. */
@ApiTags('commute')
@Controller('sites/:id')
export class TravelTimesExcelController {
  constructor(private readonly excel: TravelTimesExcel) {}

  @Get('travel-times.xlsx')
  @ApiOperation({ summary: "Export a site's travel times as Excel (the sheet the import reads)" })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: 'One row per recorded way, Chinese headers (.xlsx)' })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  export(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return this.excel.export(user, id);
  }

  @Post('travel-times/import')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace a site's travel times with an Excel sheet",
    description:
      'All or nothing: when any row is wrong nothing changes and the 400 names every row and field',
  })
  @Allow('officer', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The exported sheet, edited' } },
    },
  })
  @ApiOkResponse({ type: TravelTimeImportResultDto })
  @ApiBadRequestResponse({ description: 'details[].field is rows[<sheet row>].<field>, or file' })
  @ApiNotFoundResponse({ description: SCOPE_404 })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than UPLOAD_LIMIT_BYTES' })
  async import(
    @IdParam() id: string,
    @Req() req: FastifyRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<TravelTimeImportResultDto> {
    return this.excel.import(user, id, await uploadedFile(req));
  }
}

/** The `file` part of a multipart request (the 413 of @fastify/multipart past the size limit). */
export async function uploadedFile(req: FastifyRequest): Promise<Buffer | undefined> {
  if (!req.isMultipart()) throw new InvalidInputError('file', 'send multipart/form-data with a file');
  let content: Buffer | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname === 'file' && data.length > 0) content = data;
    }
  }
  return content;
}
