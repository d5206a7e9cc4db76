import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
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
  TokenPairDto,
  UserSummaryDto,
} from './dto/auth.dto';
import { UsersService } from './users.service';
import { NotFoundError } from '../common/domain-errors';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/register')
  @ApiOperation({ summary: 'Register a resident or employer account' })
  @Public()
  @ApiCreatedResponse({ schema: { properties: { user: { $ref: '#/components/schemas/UserSummaryDto' } } } })
  @ApiConflictResponse({ description: 'Phone already registered' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this IP' })
  async register(
    @Body() dto: RegisterDto,
    @Req() req: FastifyRequest,
  ): Promise<{ user: UserSummaryDto & { residentId?: string } }> {
    const user = await this.auth.register(dto, req.ip);
    return {
      user: {
        id: user.id,
        role: user.role,
        name: user.name,
        ...(user.residentId ? { residentId: user.residentId } : {}),
      },
    };
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
  @ApiOperation({ summary: "Sign out (revoke this session's refresh tokens)" })
  @ApiNoContentResponse({ description: 'Signed out: the refresh tokens of this sign-in are revoked' })
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
