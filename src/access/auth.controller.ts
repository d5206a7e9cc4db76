import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, Authenticated, Public } from './access.decorator';
import { AuthService } from './auth.service';
import { CurrentUser, type AuthUser } from './auth-user';
import {
  CreateUserDto,
  LoginDto,
  MeDto,
  RefreshDto,
  RegisterDto,
  RegistrationStartedDto,
  TokenPairDto,
  UserSummaryDto,
  VerifyRegistrationDto,
} from './dto/auth.dto';
import { CODE_SENT_MESSAGE, RegistrationService } from './registration.service';
import { UsersService } from './users.service';
import { NotFoundError } from '../kernel/domain-errors';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/register')
  @ApiOperation({ summary: 'Register a resident or employer account' })
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RegistrationStartedDto,
    description:
      'The same answer for every valid request: a code goes to the phone (or, when the phone has an account already, an SMS saying so)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts or codes from this IP or for this phone' })
  async register(@Body() dto: RegisterDto, @Req() req: FastifyRequest): Promise<RegistrationStartedDto> {
    const { ticket } = await this.registration.start(dto, req.ip);
    return { status: 'code_sent', message: CODE_SENT_MESSAGE, ticket };
  }

  @Post('auth/register/verify')
  @ApiOperation({ summary: 'Finish a registration with the code sent to the phone' })
  @Public()
  @ApiCreatedResponse({ schema: { properties: { user: { $ref: '#/components/schemas/UserSummaryDto' } } } })
  @ApiBadRequestResponse({ description: 'Wrong or expired code (the same for every phone)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts' })
  async verifyRegistration(
    @Body() dto: VerifyRegistrationDto,
    @Req() req: FastifyRequest,
  ): Promise<{ user: UserSummaryDto }> {
    const user = await this.registration.verify(dto.phone, dto.code, dto.ticket, req.ip);
    // Never the resident id: whether a roster record was linked is not the registrant's to learn here.
    return { user: { id: user.id, role: user.role, name: user.name } };
  }

  @Post('auth/login')
  @ApiOperation({ summary: 'Sign in with phone and password' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts (Retry-After says when to try again)',
  })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest): Promise<TokenPairDto> {
    return this.auth.login(dto, req.ip);
  }

  @Post('auth/refresh')
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, req.ip);
  }

  @Post('auth/logout')
  @ApiNoContentResponse({ description: 'Signed out: the refresh tokens of this sign-in are revoked' })
  @ApiOperation({ summary: "Sign out (revoke this session's refresh tokens)" })
  @Authenticated()
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who am I: the signed-in user, role and scope' })
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const u = await this.users.findById(user.id);
    if (!u) throw new NotFoundError('User');
    return this.users.toMe(u);
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a staff account (officer, provider or admin)' })
  @Allow('admin')
  @ApiCreatedResponse({ type: MeDto })
  async createUser(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<MeDto> {
    return this.users.toMe(await this.users.createStaff(actor, dto));
  }
}
