import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { UsersService } from '../access/users.service';
import { NotFoundError } from '../kernel/domain-errors';
import { maskPhone } from '../platform/crypto/masking';
import { AccountPage } from './pages/account-page';
import { render } from './render';

/** The landing pages of each role and the account summary. */
@ApiExcludeController()
@Controller()
export class HomePagesController {
  constructor(private readonly users: UsersService) {}

  // `/` (the resident's first screen) is JobsPagesController's, `/employer` CompanyPagesController's.

  @Get('account')
  @Authenticated()
  async account(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const u = await this.users.findById(user.id);
    if (!u) throw new NotFoundError('User');
    return render(reply, <AccountPage maskedPhone={maskPhone(this.users.phoneOf(u))} />);
  }

  // GET /officer: officer/dashboard/dashboard-pages.controller.tsx (the dashboard); GET /provider and
  // GET /admin: provider/ and admin/ (their courses, the operator's pages).
}
