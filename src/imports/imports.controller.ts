import '@fastify/multipart';
import { Controller, Get, HttpCode, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
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
import { ImportAcceptedDto, ImportDto } from './dto/import.dto';
import { ImportsService, type RosterUpload } from './imports.service';
import { rosterTemplate } from './roster-template';

import { XLSX_MIME, attachment } from '../reports/xlsx-stream';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('roster')
  @ApiOperation({ summary: 'Import a household roster (.xlsx or .csv)' })
  @Allow('officer', 'admin')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'siteId'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '.xlsx or .csv with the template’s Chinese headers',
        },
        siteId: { type: 'string', format: 'uuid' },
      },
    },
  })
  @ApiAcceptedResponse({
    type: ImportAcceptedDto,
    description: 'Officers of the site. Runs as a job; poll GET /imports/:id. 404 for a site out of scope.',
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than UPLOAD_LIMIT_BYTES' })
  async upload(@Req() req: FastifyRequest, @CurrentUser() user: AuthUser): Promise<ImportAcceptedDto> {
    if (!req.isMultipart())
      throw new InvalidInputError('file', 'send multipart/form-data with file and siteId');
    const upload: RosterUpload = {
      siteId: undefined,
      fileName: undefined,
      mime: undefined,
      content: undefined,
    };
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        // toBuffer throws the 413 of @fastify/multipart (throwFileSizeLimit) past the limit.
        const content = await part.toBuffer();
        if (part.fieldname === 'file')
          Object.assign(upload, { fileName: part.filename, mime: part.mimetype, content });
      } else if (part.fieldname === 'siteId') {
        upload.siteId = String(part.value).trim();
      }
    }
    return this.imports.start(user, upload);
  }

  @Get('roster/template')
  @ApiOperation({ summary: 'Download the roster template' })
  @Allow('officer', 'admin')
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: 'The roster template (.xlsx, Chinese headers and notes)' })
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await rosterTemplate(), {
      type: XLSX_MIME,
      disposition: attachment('roster-template.xlsx', '花名册导入模板.xlsx'),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get the progress and errors of an import' })
  @Allow('officer', 'admin')
  @ApiOkResponse({ type: ImportDto, description: 'Only the officer who started it, and admins' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ImportDto> {
    return this.imports.get(user, id);
  }
}
