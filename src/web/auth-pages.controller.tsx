import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { LoginDto, RegisterDto, VerifyRegistrationDto } from '../access/dto/auth.dto';
import { RegistrationService } from '../access/registration.service';
import type { User } from '../access/user.entity';
import { WebSessions } from '../access/web-sessions';
import { InvalidInputError, RateLimitedError, UnauthorizedError } from '../kernel/domain-errors';
import { maskPhone } from '../platform/crypto/masking';
import { AppConfig } from '../platform/config/app-config';
import { RegionsService } from '../regions/regions.service';
import type { FormErrors } from './components/form';
import { ROLE_HOME } from './components/nav';
import { type FormBody, formValues, serviceFieldError, validateForm } from './form-data';
import { isLang, LANG_COOKIE } from '../i18n/web/i18n';
import type { MessageKey } from '../i18n/web/messages';
import { LoginPage } from './pages/login-page';
import { RegisterCodePage, RegisterPage } from './pages/register-page';
import { redirect, render, safeNext, webContextOf } from './render';

const REGISTER_MESSAGES: Record<string, MessageKey> = {
  phone: 'field.phone.invalid',
  password: 'field.password.invalid',
  name: 'field.name.invalid',
  role: 'field.role.invalid',
  siteId: 'field.site.invalid',
  nationalId: 'field.nationalId.invalid',
};

/** Sign in, register, sign out, switch language. */
@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly sessions: WebSessions,
    private readonly registration: RegistrationService,
    private readonly regions: RegionsService,
    private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  loginForm(
    @Res() reply: FastifyReply,
    @Query('next') next?: string,
    @Query('registered') registered?: string,
  ) {
    const { t, user } = webContextOf(reply.request);
    if (user) return redirect(reply, safeNext(next, ROLE_HOME[user.role]));
    return render(
      reply,
      <LoginPage
        next={safeNext(next, '') || undefined}
        notice={registered ? t('register.done') : undefined}
      />,
    );
  }

  @Post('login')
  @Public()
  async login(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody) {
    const values = formValues(body, ['phone', 'password', 'next']);
    const next = safeNext(values.next, '') || undefined;
    const shown = { phone: values.phone };
    const { errors } = await validateForm(
      LoginDto,
      { phone: values.phone, password: values.password },
      { phone: 'field.phone.invalid', password: 'field.password.required' },
    );
    if (Object.keys(errors).length) {
      return render(reply, <LoginPage values={shown} errors={errors} next={next} />, { status: 400 });
    }
    try {
      const role = await this.sessions.signIn(req, reply, values.phone!, values.password!);
      return redirect(reply, next ?? ROLE_HOME[role]);
    } catch (e) {
      if (e instanceof UnauthorizedError) {
        return render(reply, <LoginPage values={shown} message="login.wrong" next={next} />, { status: 401 });
      }
      throw e;
    }
  }

  @Get('register')
  @Public()
  async registerForm(@Res() reply: FastifyReply) {
    return render(reply, <RegisterPage sites={await this.regions.directory()} />);
  }

  @Post('register')
  @Public()
  async register(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody) {
    const values = formValues(body, ['role', 'name', 'phone', 'password', 'siteId', 'nationalId']);
    if (values.role === 'employer') {
      values.siteId = '';
      values.nationalId = '';
    }
    const sites = await this.regions.directory();
    const shown = { ...values, password: undefined };
    const fail = (errors: FormErrors, message?: MessageKey, status = 400) =>
      render(reply, <RegisterPage sites={sites} values={shown} errors={errors} message={message} />, {
        status,
      });

    const { value, errors } = await validateForm(RegisterDto, values, REGISTER_MESSAGES);
    if (values.role === 'resident' && !values.siteId && !values.nationalId && !errors.siteId)
      errors.siteId = 'field.site.invalid';
    if (Object.keys(errors).length) return fail(errors);
    let ticket: string;
    try {
      ({ ticket } = await this.registration.start(value, req.ip));
    } catch (e) {
      if (e instanceof RateLimitedError) return fail({}, 'register.tooMany', 429);
      const fieldErrors = serviceFieldError(e, REGISTER_MESSAGES);
      if (fieldErrors) return fail(fieldErrors);
      throw e;
    }
    // The same page for every phone, taken or new (issue 12, finding 14): the SMS tells which.
    return render(
      reply,
      <RegisterCodePage phone={value.phone} phoneMasked={maskPhone(value.phone)} ticket={ticket} />,
    );
  }

  @Post('register/verify')
  @Public()
  async verify(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody) {
    const values = formValues(body, ['phone', 'code', 'ticket']);
    const { value, errors } = await validateForm(VerifyRegistrationDto, values, {
      phone: 'field.phone.invalid',
      code: 'field.code.invalid',
    });
    if (errors.phone || errors.ticket) return redirect(reply, '/register');
    const page = (status: number, errs: FormErrors, message?: MessageKey) =>
      render(
        reply,
        <RegisterCodePage
          phone={value.phone}
          phoneMasked={maskPhone(value.phone)}
          ticket={value.ticket}
          errors={errs}
          message={message}
        />,
        { status },
      );
    if (errors.code) return page(400, errors);
    let user: User;
    try {
      user = await this.registration.verify(value.phone, value.code, value.ticket, req.ip);
    } catch (e) {
      if (e instanceof RateLimitedError) return page(429, {}, 'register.tooMany');
      if (e instanceof InvalidInputError) return page(400, { code: 'register.codeWrong' });
      throw e;
    }
    try {
      const role = await this.sessions.signInVerified(req, reply, user);
      return redirect(reply, ROLE_HOME[role]);
    } catch (e) {
      // Registered, but the automatic sign-in failed (Redis away): sign in by hand.
      if (e instanceof RateLimitedError || e instanceof UnauthorizedError)
        return redirect(reply, '/login?registered=1');
      throw e;
    }
  }

  @Post('logout')
  @Public()
  async logout(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: AuthUser | undefined,
  ) {
    await this.sessions.signOut(req, reply, user);
    return redirect(reply, '/');
  }

  /** The language switch link: remembers the choice and goes back to the page. */
  @Get('lang/:code')
  @Public()
  lang(@Res() reply: FastifyReply, @Param('code') code: string, @Query('next') next?: string) {
    if (isLang(code)) {
      void reply.setCookie(LANG_COOKIE, code, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: '/',
        maxAge: 365 * 24 * 3600,
      });
    }
    return redirect(reply, safeNext(next));
  }
}
