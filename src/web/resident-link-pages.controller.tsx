import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { ConflictError, InvalidInputError, RateLimitedError } from '../kernel/domain-errors';
import { LinkCodeDto } from '../residents/dto/link-claim.dto';
import { LinkGuessesUsedUp, ResidentLinkClaims } from '../residents/resident-link-claims.service';
import { type FormBody, formValues, validateForm } from './form-data';
import { ResidentLinkPage } from './pages/resident-link-page';
import { redirect, render } from './render';

/** The web form of POST /me/resident-link/verify (works without JavaScript). */
@ApiExcludeController()
@Controller()
export class ResidentLinkPagesController {
  constructor(private readonly claims: ResidentLinkClaims) {}

  @Get('account/link')
  @Allow('resident')
  form(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser) {
    if (user.residentId) return redirect(reply, '/account');
    return render(reply, <ResidentLinkPage />);
  }

  @Post('account/link')
  @Allow('resident')
  async link(@Res() reply: FastifyReply, @CurrentUser() user: AuthUser, @Body() body: FormBody) {
    const { value, errors } = await validateForm(LinkCodeDto, formValues(body, ['code']), {
      code: 'field.code.invalid',
    });
    if (Object.keys(errors).length)
      return render(reply, <ResidentLinkPage errors={errors} />, { status: 400 });
    try {
      await this.claims.verifyCode(user, value.code);
    } catch (e) {
      if (e instanceof LinkGuessesUsedUp)
        return render(reply, <ResidentLinkPage errors={{ code: 'register.link.officerOnly' }} />, {
          status: 400,
        });
      if (e instanceof InvalidInputError)
        return render(reply, <ResidentLinkPage errors={{ code: 'register.link.wrong' }} />, { status: 400 });
      if (e instanceof RateLimitedError)
        return render(reply, <ResidentLinkPage message="register.tooMany" />, { status: 429 });
      if (e instanceof ConflictError) return redirect(reply, '/account');
      throw e;
    }
    return redirect(reply, '/my/profile');
  }
}
