import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = (f: string) => `${f} must be a date YYYY-MM-DD`;
const PHONE = /^1[3-9]\d{9}$/;

export const TRANSPORTS = ['bus', 'train'] as const;
export const WORK_STATUSES = ['departed', 'at_work', 'left_job', 'returned'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export const RETENTION_STATUSES = ['upcoming', 'due', 'overdue', 'at_work', 'not_at_work', 'cancelled'] as const;
export type RetentionStatus = (typeof RETENTION_STATUSES)[number];
export const OUTCOME_GROUPS = ['fair', 'employer', 'city'] as const;

export class CreateBatchDto {
  @ApiProperty({ example: '杭州', description: 'One of the partner cities of the site (config/programmes.yaml)' })
  @IsString()
  @Length(1, 50)
  partnerCity!: string;

  @ApiProperty({ example: '2026-03-01', description: 'YYYY-MM-DD, the pilot calendar' })
  @Matches(DAY, { message: DAY_MESSAGE('departureOn') })
  @IsDateString({ strict: true })
  departureOn!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Residents of one site you manage' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  residentIds!: string[];

  @ApiPropertyOptional({ enum: TRANSPORTS })
  @IsOptional()
  @IsIn(TRANSPORTS)
  transport?: (typeof TRANSPORTS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'The job fair the members were recruited at' })
  @IsOptional()
  @IsUUID('4')
  fairId?: string;

  @ApiPropertyOptional({ example: '13912345678', description: "The partner city liaison officer's account phone" })
  @IsOptional()
  @Matches(PHONE, { message: 'liaisonPhone must be an 11-digit mainland mobile number' })
  liaisonPhone?: string;
}

export class ArrivalDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  residentId!: string;

  @ApiProperty({ example: '2026-03-02', description: 'YYYY-MM-DD, on or after the departure, not in the future' })
  @Matches(DAY, { message: DAY_MESSAGE('arrivedOn') })
  @IsDateString({ strict: true })
  arrivedOn!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The partner employer's posting the resident starts at" })
  @IsOptional()
  @IsUUID('4')
  postingId?: string;

  @ApiPropertyOptional({ example: '杭州某电子厂' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  employerName?: string;
}

export class ReturnHomeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  residentId!: string;

  @ApiProperty({ example: '2026-05-10', description: 'YYYY-MM-DD, not in the future' })
  @Matches(DAY, { message: DAY_MESSAGE('returnedOn') })
  @IsDateString({ strict: true })
  returnedOn!: string;

  @ApiProperty({ example: '家中老人生病' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class RetentionCheckInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  residentId!: string;

  @ApiProperty({ example: 3, description: 'Months after arrival of the check (0 = arrival)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(24)
  month!: number;

  @ApiProperty()
  @IsBoolean()
  stillAtWork!: boolean;

  @ApiProperty({ example: '2026-06-02', description: 'YYYY-MM-DD, on or after arrival, not in the future' })
  @Matches(DAY, { message: DAY_MESSAGE('checkedOn') })
  @IsDateString({ strict: true })
  checkedOn!: string;
}

export class CreateFairDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  siteId!: string;

  @ApiProperty({ example: '杭州—恩施春风行动专场招聘会' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '2026-02-20' })
  @Matches(DAY, { message: DAY_MESSAGE('heldOn') })
  @IsDateString({ strict: true })
  heldOn!: string;

  @ApiProperty({ example: '杭州' })
  @IsString()
  @Length(1, 50)
  partnerCity!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  employerIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Their employers join the fair too' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  postingIds?: string[];
}

export class SiteFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;
}

export class OutcomesQuery extends SiteFilterQuery {
  @ApiProperty({ enum: OUTCOME_GROUPS })
  @IsIn(OUTCOME_GROUPS)
  by!: (typeof OUTCOME_GROUPS)[number];
}

// ---- answers -----------------------------------------------------------------------------------

export class RetentionDto {
  @ApiProperty({ example: 3, description: 'Months after arrival (0 = arrival)' }) month!: number;
  @ApiProperty({ example: '2026-06-02' }) dueOn!: string;
  @ApiProperty({ enum: RETENTION_STATUSES }) status!: RetentionStatus;
  @ApiProperty({ type: String, nullable: true }) checkedOn!: string | null;
}

export class MemberDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Officers only' }) residentId?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: WORK_STATUSES }) workStatus!: WorkStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Officers only' }) arrivedOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Officers only' }) employerName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Officers only' }) returnedOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Officers only' }) returnReason?: string | null;
  @ApiPropertyOptional({ type: [RetentionDto], description: 'Officers only' }) retention?: RetentionDto[];
}

export class BatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() partnerCity!: string;
  @ApiProperty() departureOn!: string;
  @ApiProperty({ enum: TRANSPORTS, nullable: true }) transport!: string | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty() arrivedCount!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Officers only' }) siteId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Officers only' })
  fairId?: string | null;
  @ApiPropertyOptional({ description: 'Officers only: a liaison officer is named' }) hasLiaison?: boolean;
}

export class BatchDetailDto extends BatchDto {
  @ApiProperty({ type: [MemberDto], description: 'Liaison officers read names and work status only' })
  members!: MemberDto[];
}

export class BatchListDto {
  @ApiProperty({ type: [BatchDto] }) items!: BatchDto[];
}

export class ArrivalResultDto {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() arrivedOn!: string;
  @ApiProperty({ format: 'uuid', description: 'The away-from-home placement the arrival started (or found)' })
  placementId!: string;
  @ApiProperty({ type: [RetentionDto] }) retention!: RetentionDto[];
}

export class ReturnHomeResultDto {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() returnedOn!: string;
  @ApiProperty({ description: 'Open retention checks cancelled' }) cancelledChecks!: number;
  @ApiProperty({
    description:
      'The household has labour and now no one at work: its zero-employment case (re)opens (casework, from the household change)',
  })
  householdZeroEmployment!: boolean;
}

export class FairDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() heldOn!: string;
  @ApiProperty() partnerCity!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) employerIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) postingIds!: string[];
}

export class FairEmployerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class FairPostingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class FairDetailDto extends FairDto {
  @ApiProperty({ type: [FairEmployerDto] }) employers!: FairEmployerDto[];
  @ApiProperty({ type: [FairPostingDto] }) postings!: FairPostingDto[];
}

export class FairListDto {
  @ApiProperty({ type: [FairDto] }) items!: FairDto[];
}

export class OutcomeDto {
  @ApiProperty({ type: String, nullable: true, description: 'Fair id, employer id or city; null: none recorded' })
  key!: string | null;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty() departed!: number;
  @ApiProperty() arrived!: number;
  @ApiProperty({ description: 'Checked still at work at the 3-month check' }) atWork3!: number;
  @ApiProperty({ description: 'Checked still at work at the 6-month check' }) atWork6!: number;
}

export class OutcomeListDto {
  @ApiProperty({ enum: OUTCOME_GROUPS }) by!: string;
  @ApiProperty({ type: [OutcomeDto] }) items!: OutcomeDto[];
}
