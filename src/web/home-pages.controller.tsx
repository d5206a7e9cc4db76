import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Authenticated, Public } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { UsersService } from '../access/users.service';
import { NotFoundError } from '../common/domain-errors';
import { maskPhone } from '../crypto/masking';
import { ROLE_HOME } from './components/nav';
import { AccountPage } from './pages/account-page';
import { HomePage } from './pages/home-page';
import { RoleHomePage } from './pages/role-home-page';
import { redirect, render } from './render';

/** The landing pages of each role and the account summary. */
@ApiExcludeController()
@Controller()
export class HomePagesController {
  constructor(private readonly users: UsersService) {}

  /** A resident's first screen (guests see the way in; other roles go to their own home). */
  @Get()
  @Public()
  home(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser | undefined) {
    if (user && user.role !== 'resident') return redirect(reply, ROLE_HOME[user.role]);
    // The jobs near the resident's site come from the postings search once it exists.
    return render(reply, <HomePage jobs={[]} />);
  }

  @Get('account')
  @Authenticated()
  async account(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const u = await this.users.findById(user.id);
    if (!u) throw new NotFoundError('User');
    return render(reply, <AccountPage maskedPhone={maskPhone(this.users.phoneOf(u))} />);
  }

  @Get('employer')
  @Allow('employer')
  employer(@Res() reply: FastifyReply) {
    return render(reply, <RoleHomePage role="employer" />);
  }

  @Get('officer')
  @Allow('officer')
  officer(@Res() reply: FastifyReply) {
    return render(reply, <RoleHomePage role="officer" />);
  }

  @Get('provider')
  @Allow('provider')
  provider(@Res() reply: FastifyReply) {
    return render(reply, <RoleHomePage role="provider" />);
  }

  @Get('admin')
  @Allow('admin')
  admin(@Res() reply: FastifyReply) {
    return render(reply, <RoleHomePage role="admin" />);
  }
}
