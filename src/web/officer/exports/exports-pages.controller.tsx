import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { NotFoundError } from '../../../kernel/domain-errors';
import { render } from '../../render';
import { optionalId } from '../officer-query';
import { OfficerSites } from '../officer-sites';
import { ExportsPage } from './exports-page';

/** The Excel files of a site (the files themselves are API routes, /api/v1/exports/…). */
@ApiExcludeController()
@Controller('officer')
export class ExportsPagesController {
  constructor(private readonly sites: OfficerSites) {}

  @Get('exports')
  @Allow('officer')
  async exports(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query('siteId') siteQ?: string) {
    const sites = await this.sites.list(user);
    const asked = optionalId(siteQ);
    if (asked && !sites.some((x) => x.id === asked)) throw new NotFoundError('Site');
    return render(reply, <ExportsPage sites={sites} siteId={asked ?? sites[0]?.id} />);
  }
}
