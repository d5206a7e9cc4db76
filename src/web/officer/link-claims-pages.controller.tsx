import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { ConflictError, NotFoundError } from '../../common/domain-errors';
import { ResidentLinkClaims } from '../../residents/resident-link-claims.service';
import { redirect, render, webContextOf } from '../render';
import { LinkClaimsPage } from './link-claims-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The officer's side of linking a pending resident's account (the API: /resident-link-claims). */
@ApiExcludeController()
@Controller()
export class LinkClaimsPagesController {
  constructor(private readonly claims: ResidentLinkClaims) {}

  @Get('officer/link-claims')
  @Allow('officer')
  async list(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Query('done') done?: string) {
    const { t } = webContextOf(reply.request);
    const notice =
      done === 'confirmed'
        ? t('register.claims.confirmed')
        : done === 'rejected'
          ? t('register.claims.rejected')
          : done === 'linked'
            ? t('register.claims.linkedAlready')
            : undefined;
    return render(reply, <LinkClaimsPage claims={await this.claims.list(user)} notice={notice} />);
  }

  @Post('officer/link-claims/:id/:decision')
  @Allow('officer')
  async decide(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('decision') decision: string,
  ) {
    if (!UUID.test(id) || (decision !== 'confirm' && decision !== 'reject')) throw new NotFoundError('Page');
    try {
      await this.claims.decide(user, id, decision === 'confirm');
    } catch (e) {
      if (e instanceof ConflictError) return redirect(reply, '/officer/link-claims?done=linked');
      throw e;
    }
    return redirect(reply, `/officer/link-claims?done=${decision === 'confirm' ? 'confirmed' : 'rejected'}`);
  }
}
