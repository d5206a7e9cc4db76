import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { IdParam } from '../common/id-param';
import { LinkClaimDto, LinkCodeDto } from './dto/link-claim.dto';
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
  @ApiOkResponse({ type: [LinkClaimDto], description: 'Audited' })
  list(@CurrentUser() user: AuthUser): Promise<LinkClaimDto[]> {
    return this.claims.list(user);
  }

  @Post('resident-link-claims/:id/confirm')
  @HttpCode(204)
  @Allow('officer', 'admin')
  @ApiOperation({ summary: 'Confirm that the account is the resident (officers of the site)' })
  @ApiNoContentResponse({ description: 'Linked; 404 out of scope; 409 when the resident has an account' })
  async confirm(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.claims.decide(user, id, true);
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
