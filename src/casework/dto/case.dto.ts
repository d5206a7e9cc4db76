import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../kernel/pagination';
import {
  ACTION_KINDS,
  ACTION_OUTCOMES,
  CASE_STATUSES,
  CLOSE_REASONS,
  type ActionKind,
  type ActionOutcome,
  type CaseStatus,
  type CloseReason,
} from '../case-vocabulary';

const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CaseQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;

  @ApiPropertyOptional({
    example: '422802101',
    description: "The site's or the household's origin region (prefix)",
  })
  @IsOptional()
  @Matches(/^\d{2,12}$/)
  regionCode?: string;

  @ApiPropertyOptional({
    example: '422802101',
    description: "The household's origin region only (prefix): the dashboard's township rows link here",
  })
  @IsOptional()
  @Matches(/^\d{2,12}$/)
  originRegionCode?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: the cases nobody is at work in yet (open or assisting)',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;
}

export class ExportCasesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;

  @ApiPropertyOptional({ example: '422802101' })
  @IsOptional()
  @Matches(/^\d{2,12}$/)
  regionCode?: string;
}

export class CaseServicesDto {
  @ApiProperty() policyBriefing!: number;
  @ApiProperty() guidance!: number;
  @ApiProperty() referrals!: number;
  @ApiProperty() trainingOffers!: number;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ example: '12 号（张三家）', description: "The site's household number and its head" })
  householdName!: string;
  @ApiProperty({ example: 12, description: "The household's number at its site" }) householdNumber!: number;
  @ApiProperty({ type: String, nullable: true, example: '张三', description: "The household head's name" })
  headName!: string | null;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ example: '422802101' }) originRegionCode!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ example: 'placement_ended', enum: ['placement_ended', 'members_changed', 'backfill'] })
  cause!: string;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date;
  @ApiProperty({
    example: '2026-10-10',
    description: 'Counted in working days (public holidays, make-up days)',
  })
  firstContactDueOn!: string;
  @ApiProperty({ example: '2026-10-13' }) clearDueOn!: string;
  @ApiProperty({ type: String, nullable: true }) firstContactOn!: string | null;
  @ApiProperty({ description: 'Nobody at work yet and a due date has passed' }) overdue!: boolean;
  @ApiProperty({ description: 'Working days to the next due date; negative when overdue' })
  workingDaysLeft!: number;
  @ApiProperty({ type: CaseServicesDto }) services!: CaseServicesDto;
  @ApiProperty({ enum: CLOSE_REASONS, nullable: true }) closedReason!: CloseReason | null;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CaseActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ACTION_KINDS }) kind!: ActionKind;
  @ApiProperty({ example: '2026-10-08' }) date!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) residentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) postingId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) courseId!: string | null;
  @ApiProperty({ enum: ACTION_OUTCOMES, nullable: true }) outcome!: ActionOutcome | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) officerId!: string;
}

export class LedgerDto {
  @ApiProperty({ type: String, nullable: true, description: '家庭情况' }) familySituation!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '失业原因' }) unemploymentCause!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '技能特长' }) skillsNote!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '培训意愿' }) trainingWish!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '就业意向' }) jobIntention!: string | null;
}

export class MemberServicesDto extends CaseServicesDto {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ description: "Every count of the jurisdiction's bundle reached" }) bundleComplete!: boolean;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [CaseActionDto] }) actions!: CaseActionDto[];
  @ApiProperty({ type: LedgerDto }) ledger!: LedgerDto;
  @ApiProperty({ example: '131' }) serviceBundle!: string;
  @ApiProperty({
    type: [MemberServicesDto],
    description: 'Services counted per member (actions naming a member)',
  })
  members!: MemberServicesDto[];
}

export class CreateCaseActionDto {
  @ApiProperty({ enum: ACTION_KINDS })
  @IsIn(ACTION_KINDS)
  kind!: ActionKind;

  @ApiProperty({ example: '2026-10-08', description: 'YYYY-MM-DD, not in the future' })
  @IsDateString({ strict: true })
  @Matches(DAY, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The member concerned (a member of this household)' })
  @IsOptional()
  @IsUUID('4')
  residentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a referral' })
  @ValidateIf((o: CreateCaseActionDto) => o.kind === 'referral' || o.postingId !== undefined)
  @IsUUID('4')
  postingId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a training offer' })
  @ValidateIf((o: CreateCaseActionDto) => o.kind === 'training_offer' || o.courseId !== undefined)
  @IsUUID('4')
  courseId?: string;

  @ApiPropertyOptional({ enum: ACTION_OUTCOMES })
  @IsOptional()
  @IsIn(ACTION_OUTCOMES)
  outcome?: ActionOutcome;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class UpdateLedgerDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  familySituation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  unemploymentCause?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  skillsNote?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  trainingWish?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  jobIntention?: string | null;
}

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSE_REASONS })
  @IsIn(CLOSE_REASONS)
  reason!: CloseReason;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'The evidence of no_capacity_or_will (409 without it)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
