import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { DismissMatchDto, MatchQueueQuery, SCORE_BANDS, type ScoreBand } from '../../../matching/dto/match.dto';
import { MatchesService } from '../../../matching/matches.service';
import { type FormBody, formValues, validateForm } from '../../form-data';
import { redirect, render, webContextOf } from '../../render';
import { optionalId, pageNumber, requireId } from '../officer-query';
import { OfficerSites } from '../officer-sites';
import { MatchesPage, type MatchFilters } from './matches-page';

/** 待推荐: the match queue, and the officer's refer / dismiss (the API's MatchesService). */
@ApiExcludeController()
@Controller('officer')
export class MatchesPagesController {
  constructor(
    private readonly sites: OfficerSites,
    private readonly matches: MatchesService,
  ) {}

  @Get('matches')
  @Allow('officer')
  async matchList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('siteId') siteQ?: string,
    @Query('postingId') postingQ?: string,
    @Query('band') bandQ?: string,
    @Query('zeroEmployment') zeroQ?: string,
    @Query('done') doneQ?: string,
    @Query('page') pageQ?: string,
  ) {
    // Anything unusable in the query string is ignored (a typed URL never earns a 500).
    const filters: MatchFilters = {
      siteId: optionalId(siteQ),
      postingId: optionalId(postingQ),
      band: (SCORE_BANDS as readonly string[]).includes(bandQ ?? '') ? (bandQ as ScoreBand) : undefined,
      zeroEmployment: zeroQ === 'true' ? true : undefined,
    };
    const done = doneQ === 'referred' || doneQ === 'dismissed' ? doneQ : undefined;
    return this.renderMatches(reply, user, filters, pageNumber(pageQ), undefined, done);
  }

  private async renderMatches(
    reply: FastifyReply,
    user: AuthUser,
    filters: MatchFilters,
    pageNo: number,
    failed?: { matchId: string; error: 'officer.matches.reasonRequired' | 'officer.matches.failed' },
    done?: 'referred' | 'dismissed',
  ) {
    const { lang } = webContextOf(reply.request);
    const list = await this.matches.queue(
      user,
      Object.assign(new MatchQueueQuery(), { ...filters, page: pageNo, pageSize: 20, lang }),
    );
    const postings = await this.matches.queuePostings(user, { siteId: filters.siteId, status: 'new' });
    return render(
      reply,
      <MatchesPage
        sites={await this.sites.list(user)}
        postings={postings}
        filters={filters}
        list={list}
        failed={failed}
        done={done}
      />,
      { status: failed ? 400 : 200 },
    );
  }

  @Post('matches/:id/refer')
  @Allow('officer')
  async refer(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    await this.matches.refer(user, requireId(idP));
    return redirect(reply, '/officer/matches?done=referred');
  }

  @Post('matches/:id/dismiss')
  @Allow('officer')
  async dismiss(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const values = formValues(body, ['reason']);
    const { value, errors } = await validateForm(DismissMatchDto, values, {
      reason: 'officer.matches.reasonRequired',
    });
    if (Object.keys(errors).length)
      return this.renderMatches(reply, user, {}, 1, {
        matchId: id,
        error: 'officer.matches.reasonRequired',
      });
    await this.matches.dismiss(user, id, value.reason);
    return redirect(reply, '/officer/matches?done=dismissed');
  }
}
