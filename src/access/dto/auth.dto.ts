import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export const PHONE_PATTERN = /^1\d{10}$/;
/** At least 8 characters with a letter and a digit; long enough to resist guessing behind the rate limit. */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;
const PASSWORD_MESSAGE = 'password must be 8–128 characters with at least one letter and one digit';

export class LoginDto {
  @ApiProperty({ example: '13800000000' })
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RegisterDto {
  @ApiProperty({ example: '13900000001' })
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;

  @ApiProperty({ description: PASSWORD_MESSAGE })
  @IsString()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_MESSAGE })
  password!: string;

  @ApiProperty({ example: '田小梅' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ['resident', 'employer'] })
  @IsIn(['resident', 'employer'])
  role!: 'resident' | 'employer';

  @ApiPropertyOptional({ description: 'Links the account to a roster entry when it matches' })
  @IsOptional()
  @IsString()
  @Length(18, 18, { message: 'nationalId must be 18 characters' })
  nationalId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The site a new resident lives at (pending confirmation)',
  })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;
}

export class VerifyRegistrationDto {
  @ApiProperty({ example: '13900000001' })
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;

  @ApiProperty({ example: '123456', description: 'The six digits the SMS brought' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits of the SMS' })
  code!: string;

  @ApiProperty({ description: 'The ticket POST /auth/register answered: the code counts only with it' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{32}$/, { message: 'ticket must be the one POST /auth/register answered' })
  ticket!: string;
}

export class RegistrationStartedDto {
  @ApiProperty({ enum: ['code_sent'] })
  status!: 'code_sent';

  @ApiProperty()
  message!: string;

  @ApiProperty({
    description:
      'Send it back with the code. A registration started again for the same phone (by anyone) gets a new ticket, and the old code stops counting.',
  })
  ticket!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  refreshToken!: string;
}

export class ScopeDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('4', { each: true })
  siteIds!: string[];

  @ApiProperty({ type: [String], example: ['422802107'] })
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, {
    each: true,
    message: 'regionCodes must be GB/T 2260 codes',
  })
  regionCodes!: string[];
}

export class CreateUserDto {
  @ApiProperty()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;

  @ApiProperty({ description: PASSWORD_MESSAGE })
  @IsString()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_MESSAGE })
  password!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ['officer', 'provider', 'admin', 'liaison'] })
  @IsIn(['officer', 'provider', 'admin', 'liaison'])
  role!: 'officer' | 'provider' | 'admin' | 'liaison';

  @ApiPropertyOptional({ type: ScopeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;
}

export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['resident', 'employer', 'officer', 'provider', 'admin', 'liaison'] }) role!: string;
  @ApiProperty() name!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserSummaryDto }) user!: UserSummaryDto;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() role!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Masked: 138****0000' }) phone!: string;
  @ApiPropertyOptional({ format: 'uuid' }) residentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) employerId?: string;
  @ApiPropertyOptional({ type: ScopeDto }) scope?: ScopeDto;
}
