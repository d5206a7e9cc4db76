import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../kernel/pagination';
import { PLACEMENT_KINDS, type PlacementKind } from '../placement-kind';

const MONEY = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };

/** `true`/`false` from a query string; anything else stays as is and fails @IsBoolean. */
const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreatePlacementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  residentId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The posting the resident works on, if any' })
  @IsOptional()
  @IsUUID('4')
  postingId?: string;

  @ApiPropertyOptional({
    example: '文斗镇星斗茶叶专业合作社',
    description:
      "Defaults to the posting's employer; required unless postingId is given or kind is self_employed",
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  employerName?: string;

  @ApiProperty({ enum: PLACEMENT_KINDS })
  @IsIn(PLACEMENT_KINDS)
  kind!: PlacementKind;

  @ApiProperty({ example: '2026-03-01', description: 'YYYY-MM-DD' })
  @IsDateString({ strict: true })
  startDate!: string;

  @ApiPropertyOptional({ example: 3200, description: 'Yuan a month' })
  @IsOptional()
  @IsNumber(MONEY)
  @Min(0)
  @Max(1_000_000)
  monthlyIncome?: number;

  @ApiPropertyOptional({
    example: '杭州',
    description: 'Required for away_from_home (east–west labour cooperation partner, e.g. 杭州)',
  })
  @ValidateIf((o: CreatePlacementDto) => o.kind === 'away_from_home' || o.partnerCity !== undefined)
  @IsString({ message: 'partnerCity is required for away_from_home' })
  @Length(1, 50)
  partnerCity?: string;
}

export class EndPlacementDto {
  @ApiProperty({ example: '2026-06-30', description: 'YYYY-MM-DD, on or after startDate, not in the future' })
  @IsDateString({ strict: true })
  endDate!: string;

  @ApiProperty({ example: '茶季结束' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class PlacementQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  residentId?: string;

  @ApiPropertyOptional({ description: 'true: not ended; false: ended' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: PLACEMENT_KINDS })
  @IsOptional()
  @IsIn(PLACEMENT_KINDS)
  kind?: PlacementKind;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  placementId!: string;

  @ApiProperty({ example: '2026-04-01' })
  date!: string;

  @ApiProperty()
  stillEmployed!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  monthlyIncome!: number | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: [String], description: 'The due follow-up tasks this record closed' })
  closedTaskIds!: string[];
}

export class PlacementDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  residentId!: string;

  @ApiProperty()
  residentName!: string;

  @ApiProperty({ format: 'uuid' })
  householdId!: string;

  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  postingId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  applicationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  employerId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  employerName!: string | null;

  @ApiProperty({ enum: PLACEMENT_KINDS })
  kind!: PlacementKind;

  @ApiProperty({ type: String, nullable: true })
  partnerCity!: string | null;

  @ApiProperty({ example: '2026-03-01' })
  startDate!: string;

  @ApiProperty({ type: String, nullable: true })
  endDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  endReason!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  monthlyIncome!: number | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  @ApiPropertyOptional({ type: [FollowUpDto], description: 'GET /placements/:id only, oldest first' })
  followUps?: FollowUpDto[];
}

export class PlacementPageDto {
  @ApiProperty({ type: [PlacementDto] })
  items!: PlacementDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

export class EndPlacementResultDto extends PlacementDto {
  @ApiProperty({ description: 'The household has labour and now no one at work (at-risk alert raised)' })
  householdZeroEmployment!: boolean;

  @ApiProperty({
    description: 'Officers who received the at-risk alert (0 unless it just became zero-employment)',
  })
  atRiskNotified!: number;
}
