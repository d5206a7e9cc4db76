import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../../access/access.decorator';
import { CurrentUser, type AuthUser } from '../../../access/auth-user';
import { EmployerQuery, RejectEmployerDto } from '../../../employers/dto/employer.dto';
import { EmployersService } from '../../../employers/employers.service';
import { type FormBody, formValues, validateForm } from '../../form-data';
import { redirect, render, webContextOf } from '../../render';
import { pageNumber, requireId } from '../officer-query';
import { EmployersPage } from './employers-page';

/** Employers waiting for verification: verify or refuse (the API's EmployersService). */
@ApiExcludeController()
@Controller('officer')
export class EmployersPagesController {
  constructor(private readonly employers: EmployersService) {}

  @Get('employers')
  @Allow('officer')
  async employerList(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Query('page') pageQ?: string,
    @Query('done') done?: string,
  ) {
    return this.renderEmployers(reply, user, pageNumber(pageQ), {
      notice: done === 'rejected' ? webContextOf(reply.request).t('officer.employers.rejected') : undefined,
    });
  }

  private async renderEmployers(
    reply: FastifyReply,
    user: AuthUser,
    page: number,
    opts: { notice?: string; errorFor?: string } = {},
  ) {
    const list = await this.employers.list(
      user,
      Object.assign(new EmployerQuery(), { verified: false, page, pageSize: 30 }),
    );
    return render(reply, <EmployersPage list={list} {...opts} />, {
      status: opts.errorFor ? 400 : undefined,
    });
  }

  @Post('employers/:id/reject')
  @Allow('officer')
  async rejectEmployer(
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser,
    @Param('id') idP: string,
    @Body() body: FormBody,
  ) {
    const id = requireId(idP);
    const { value, errors } = await validateForm(RejectEmployerDto, formValues(body, ['reason']), {});
    if (Object.keys(errors).length || !value.reason.trim())
      return this.renderEmployers(reply, user, 1, { errorFor: id });
    await this.employers.reject(user, id, value);
    return redirect(reply, '/officer/employers?done=rejected');
  }

  @Post('employers/:id/verify')
  @Allow('officer')
  async verify(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Param('id') idP: string) {
    await this.employers.verify(user, requireId(idP));
    return redirect(reply, '/officer/employers?done=verified');
  }
}
