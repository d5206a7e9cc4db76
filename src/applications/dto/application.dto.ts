import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../../kernel/pagination';
import {
  APPLICATION_SOURCES,
  APPLICATION_STATUSES,
  type ApplicationSource,
  type ApplicationStatus,
} from '../application-status';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  postingId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A resident applies for themselves (default: the caller's own); an officer refers this resident",
  })
  @IsOptional()
  @IsUUID('4')
  residentId?: string;
}

export class InviteApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'An open posting of your own' })
  @IsUUID('4')
  postingId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'A resident who consents to share their profile (e.g. from GET /postings/:id/matches)',
  })
  @IsUUID('4')
  residentId!: string;
}

export class UpdateApplicationDto {
  @ApiProperty({
    enum: APPLICATION_STATUSES,
    description:
      'Employer: applied → viewed → interview → offered → hired (viewed may be skipped), any open state after applied → rejected. Resident: invited → applied (accept) or declined; otherwise withdrawn only. Officer in scope: either, on behalf.',
  })
  @IsIn(APPLICATION_STATUSES)
  status!: ApplicationStatus;

  @ApiPropertyOptional({ example: '周三上午到茶园面试' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  postingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  residentId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class ApplicationHistoryDto {
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true })
  from!: ApplicationStatus | null;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  to!: ApplicationStatus;

  @ApiProperty()
  at!: string;

  @ApiProperty({ format: 'uuid', description: 'User who made the change' })
  by!: string;

  @ApiProperty()
  role!: string;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class ApplicantDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Employers: in clear when the resident consents to share their profile, masked otherwise, and null (with the name masked) while the application is invited, declined or withdrawn; officers: masked. Never a national ID.',
  })
  phone!: string | null;

  @ApiProperty()
  phoneMasked!: boolean;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  postingId!: string;

  @ApiProperty()
  postingTitle!: string;

  @ApiProperty()
  publicWelfare!: boolean;

  @ApiProperty({ format: 'uuid' })
  residentId!: string;

  @ApiProperty({ format: 'uuid' })
  employerId!: string;

  @ApiProperty({
    enum: APPLICATION_SOURCES,
    description:
      'An employer invitation starts as status invited with source employer_invitation; the resident accepts (applied) or declines',
  })
  source!: ApplicationSource;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;

  @ApiProperty({ type: [ApplicationHistoryDto] })
  history!: ApplicationHistoryDto[];

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  @ApiPropertyOptional({ type: ApplicantDto, description: 'For the employer of the posting and officers' })
  applicant?: ApplicantDto;

  @ApiPropertyOptional({
    description: 'Officers only: household priority (zero-employment, monitored), as in matching',
  })
  priority?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'PATCH to hired: the placement it created' })
  placementId?: string;
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] })
  items!: ApplicationDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
