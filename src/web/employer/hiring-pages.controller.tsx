import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../access/auth-user';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../applications/application-status';
import { ApplicationsService } from '../../applications/applications.service';
import {
  ApplicationQuery,
  InviteApplicationDto,
  UpdateApplicationDto,
} from '../../applications/dto/application.dto';
import { ConflictError } from '../../kernel/domain-errors';
import { IdParam } from '../../platform/http/id-param';
import { PostingMatchesQuery } from '../../matching/dto/match.dto';
import { MatchesService } from '../../matching/matches.service';
import { PostingsService } from '../../postings/postings.service';
import { type FormBody, formString } from '../form-data';
import { redirect, render, webContextOf } from '../render';
import { statusKey } from '../../i18n/status-vocabulary';
import { ApplicantsPage } from './applicants-page';
import { CandidatesPage } from './candidates-page';

const first = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The employer's hiring pages for one posting: applicants with the hiring pipeline, and matched
 * candidates who consented (masked) with the invitation.
 */
@ApiExcludeController()
@Controller()
export class HiringPagesController {
  constructor(
    private readonly postings: PostingsService,
    private readonly applications: ApplicationsService,
    private readonly matches: MatchesService,
  ) {}

  // ---- applicants and candidates ----------------------------------------------------------

  @Get('employer/postings/:id/applicants')
  @Allow('employer')
  async applicants(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    // The list checks that the posting is this employer's (404 otherwise).
    const res = await this.applications.list(
      user,
      Object.assign(new ApplicationQuery(), { postingId: id, pageSize: 100 }),
    );
    const posting = await this.postings.get(user, id);
    const { t } = webContextOf(reply.request);
    const q = reply.request.query as Record<string, unknown> | undefined;
    const moved = first(q?.moved) as ApplicationStatus;
    let notice: string | undefined;
    if (moved === 'hired') notice = t('employer.applicants.hired');
    else if (APPLICATION_STATUSES.includes(moved))
      notice = t('employer.applicants.moved', { status: t(statusKey('employer', moved)) });
    const error = first(q?.moved) === 'refused' ? t('employer.applicants.cannot') : undefined;
    return render(
      reply,
      <ApplicantsPage posting={posting} items={res.items} notice={notice} error={error} />,
    );
  }

  @Post('employer/postings/:id/applicants/:applicationId')
  @Allow('employer')
  async move(
    @IdParam() id: string,
    @IdParam('applicationId') applicationId: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Body() body: FormBody,
  ) {
    const status = formString(body, 'status') as ApplicationStatus;
    if (!APPLICATION_STATUSES.includes(status) || status === 'withdrawn' || status === 'applied')
      return redirect(reply, `/employer/postings/${id}/applicants?moved=refused`);
    try {
      const a = await this.applications.changeStatus(
        user,
        applicationId,
        Object.assign(new UpdateApplicationDto(), { status }),
      );
      if (a.postingId !== id)
        return redirect(reply, `/employer/postings/${a.postingId}/applicants?moved=${status}`);
    } catch (e) {
      if (e instanceof ConflictError)
        return redirect(reply, `/employer/postings/${id}/applicants?moved=refused`);
      throw e;
    }
    return redirect(reply, `/employer/postings/${id}/applicants?moved=${status}`);
  }

  @Get('employer/postings/:id/candidates')
  @Allow('employer')
  async candidates(@IdParam() id: string, @Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const { t, lang } = webContextOf(reply.request);
    const res = await this.matches.forPosting(
      user,
      id,
      Object.assign(new PostingMatchesQuery(), { lang, pageSize: 50 }),
    );
    const posting = await this.postings.get(user, id);
    const done = first((reply.request.query as Record<string, unknown> | undefined)?.done);
    const notice =
      done === 'invited'
        ? t('employer.candidates.invited')
        : done === 'refused'
          ? t('employer.candidates.inviteFailed')
          : undefined;
    return render(reply, <CandidatesPage posting={posting} items={res.items} notice={notice} />);
  }

  @Post('employer/postings/:id/candidates/:residentId/invite')
  @Allow('employer')
  async invite(
    @IdParam() id: string,
    @IdParam('residentId') residentId: string,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
  ) {
    try {
      await this.applications.invite(
        user,
        Object.assign(new InviteApplicationDto(), { postingId: id, residentId }),
      );
    } catch (e) {
      if (e instanceof ConflictError)
        return redirect(reply, `/employer/postings/${id}/candidates?done=refused`);
      throw e;
    }
    return redirect(reply, `/employer/postings/${id}/candidates?done=invited`);
  }
}
