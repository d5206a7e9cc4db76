import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../kernel/domain-errors';
import { formString, type FormBody } from '../../form-data';
import { ResidentLinkClaims } from '../../../residents/resident-link-claims.service';
import { redirect, render, webContextOf } from '../../render';
import { LinkClaimsPage } from './link-claims-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The officer's side of linking a pending resident's account (the API: /resident-link-claims). */
@ApiExcludeController()
@Controller()
export class LinkClaimsPagesController {
  constructor(private readonly claims: ResidentLinkClaims) {}

  @Get('officer/link-claims')
  @Allow('officer')
  async list(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('done') done?: string,
    @Query('page') pageParam?: string,
  ) {
    const { t } = webContextOf(reply.request);
    const n = Number(pageParam ?? '1');
    const page = Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
    const notice =
      done === 'confirmed'
        ? t('register.claims.confirmed')
        : done === 'rejected'
          ? t('register.claims.rejected')
          : done === 'linked'
            ? t('register.claims.linkedAlready')
            : undefined;
    const { claims, hasMore } = await this.claims.list(user, page);
    return render(reply, <LinkClaimsPage claims={claims} notice={notice} page={page} hasMore={hasMore} />);
  }

  @Post('officer/link-claims/:id/:decision')
  @Allow('officer')
  async decide(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('decision') decision: string,
    @Body() body: FormBody,
  ) {
    if (!UUID.test(id) || (decision !== 'confirm' && decision !== 'reject')) throw new NotFoundError('Page');
    const idCardChecked = formString(body, 'idCardChecked') === 'true';
    try {
      await this.claims.decide(user, id, decision === 'confirm', idCardChecked);
    } catch (e) {
      if (e instanceof ConflictError) return redirect(reply, '/officer/link-claims?done=linked');
      if (e instanceof InvalidInputError) {
        const { t } = webContextOf(reply.request);
        const { claims, hasMore } = await this.claims.list(user);
        return render(
          reply,
          <LinkClaimsPage claims={claims} hasMore={hasMore} error={t('register.claims.idCheckedMissing')} />,
          { status: 400 },
        );
      }
      throw e;
    }
    return redirect(reply, `/officer/link-claims?done=${decision === 'confirm' ? 'confirmed' : 'rejected'}`);
  }
}
