import '@fastify/multipart';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { DomainError } from '../../../kernel/domain-errors';
import { ImportsService, type RosterUpload } from '../../../imports/imports.service';
import { RegionsService } from '../../../regions/regions.service';
import { redirect, render } from '../../render';
import { optionalId, requireId } from '../officer-query';
import { OfficerSites } from '../officer-sites';
import { ImportPage } from './import-page';
import { ImportStatusPage } from './import-status-page';

/** Roster imports: the upload form, the upload, and an import's progress (the API's ImportsService). */
@ApiExcludeController()
@Controller('officer')
export class ImportsPagesController {
  constructor(
    private readonly sites: OfficerSites,
    private readonly regions: RegionsService,
    private readonly imports: ImportsService,
  ) {}

  @Get('import')
  @Allow('officer')
  async importForm(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
  ) {
    return render(reply, <ImportPage sites={await this.sites.list(user)} siteId={optionalId(siteQ)} />);
  }

  /** Multipart: the CSRF token came in the action URL (checked before this handler runs). */
  @Post('import')
  @Allow('officer')
  async importUpload(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const sites = await this.sites.list(user);
    const fail = (
      error: 'officer.import.noFile' | 'officer.import.badFile' | 'officer.import.noSite',
      siteId?: string,
    ) => render(reply, <ImportPage sites={sites} siteId={siteId} error={error} />, { status: 400 });
    if (!req.isMultipart()) return fail('officer.import.noFile');
    const upload: RosterUpload = {
      siteId: undefined,
      fileName: undefined,
      mime: undefined,
      content: undefined,
    };
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && content.length > 0)
          Object.assign(upload, { fileName: part.filename, mime: part.mimetype, content });
      } else if (part.fieldname === 'siteId') {
        upload.siteId = String(part.value).trim();
      }
    }
    try {
      const { id } = await this.imports.start(user, upload);
      return redirect(reply, `/officer/imports/${id}`);
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) {
        const field = e.details?.[0]?.field;
        if (field === 'siteId') return fail('officer.import.noSite', upload.siteId);
        return fail(upload.content ? 'officer.import.badFile' : 'officer.import.noFile', upload.siteId);
      }
      throw e;
    }
  }

  @Get('imports/:id')
  @Allow('officer')
  async importStatus(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    const imp = await this.imports.get(user, requireId(idP));
    const site = await this.regions.findSite(imp.siteId);
    return render(reply, <ImportStatusPage imp={imp} siteName={site?.name ?? ''} />);
  }
}
