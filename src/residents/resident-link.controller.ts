import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../platform/http/id-param';
import { InvalidInputError } from '../kernel/domain-errors';
import { ConfirmClaimDto, LinkClaimDto, LinkCodeDto } from './dto/link-claim.dto';
import { ResidentLinkClaims } from './resident-link-claims.service';

/** Linking a pending resident's account to its roster record, with proof (issue 12, finding 1). */
@ApiTags('residents')
@Controller()
export class ResidentLinkController {
  constructor(private readonly claims: ResidentLinkClaims) {}

  @Post('me/resident-link/verify')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: 'Enter the code sent to the roster phone; links the account to the record' })
  @ApiOkResponse({ description: '{ residentId }; 400 for a wrong, expired or missing code' })
  verify(@Body() dto: LinkCodeDto, @CurrentUser() user: AuthUser): Promise<{ residentId: string }> {
    return this.claims.verifyCode(user, dto.code);
  }

  @Post('me/resident-link/code')
  @HttpCode(202)
  @Allow('resident')
  @ApiOperation({ summary: 'Send a new code to the roster phone (when the roster has one)' })
  @ApiAcceptedResponse({ description: 'The same answer whether or not a code could be sent' })
  async resend(@CurrentUser() user: AuthUser): Promise<{ status: 'accepted' }> {
    await this.claims.resendCode(user);
    return { status: 'accepted' };
  }

  @Get('resident-link-claims')
  @Allow('officer', 'admin')
  @ApiOperation({ summary: 'Accounts waiting to be linked to residents of your sites' })
  @ApiQuery({ name: 'page', required: false, description: '1-based; 50 claims a page, oldest first' })
  @ApiOkResponse({ type: [LinkClaimDto], description: 'Audited; an empty page after the last' })
  async list(@CurrentUser() user: AuthUser, @Query('page') page?: string): Promise<LinkClaimDto[]> {
    const n = page === undefined ? 1 : Number(page);
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      throw new InvalidInputError('page', 'must be a whole number from 1');
    return (await this.claims.list(user, n)).claims;
  }

  @Post('resident-link-claims/:id/confirm')
  @HttpCode(204)
  @Allow('officer', 'admin')
  @ApiOperation({ summary: 'Confirm that the account is the resident (officers of the site)' })
  @ApiNoContentResponse({
    description: 'Linked; 400 without idCardChecked; 404 out of scope; 409 when the resident has an account',
  })
  async confirm(
    @IdParam() id: string,
    @Body() dto: ConfirmClaimDto,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.claims.decide(user, id, true, dto.idCardChecked);
  }

  @Post('resident-link-claims/:id/reject')
  @HttpCode(204)
  @Allow('officer', 'admin')
  @ApiOperation({ summary: 'Refuse the claim (the account stays a resident without a record)' })
  @ApiNoContentResponse({ description: 'Refused; 404 out of scope' })
  async reject(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.claims.decide(user, id, false);
  }
}
