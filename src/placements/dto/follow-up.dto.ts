import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
} from 'class-validator';
import { PageQuery } from '../../kernel/pagination';
import { FOLLOW_UP_MONTHS, PLACEMENT_KINDS, type FollowUpMonth, type PlacementKind } from '../placement-kind';

const MONEY = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };

export class CreateFollowUpDto {
  @ApiProperty({ example: '2026-04-01', description: 'YYYY-MM-DD, on or after the start, not in the future' })
  @IsDateString({ strict: true })
  date!: string;

  @ApiProperty()
  @IsBoolean()
  stillEmployed!: boolean;

  @ApiPropertyOptional({ example: 3100, description: 'Yuan a month' })
  @IsOptional()
  @IsNumber(MONEY)
  @Min(0)
  @Max(1_000_000)
  monthlyIncome?: number;

  @ApiPropertyOptional({ example: '工作稳定，计划长期干' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export const FOLLOW_UP_TASK_STATUSES = ['open', 'done'] as const;

export class FollowUpTaskQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;

  @ApiPropertyOptional({ enum: FOLLOW_UP_TASK_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(FOLLOW_UP_TASK_STATUSES)
  status?: 'open' | 'done';
}

export class FollowUpTaskDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  placementId!: string;

  @ApiProperty({ enum: FOLLOW_UP_MONTHS })
  dueMonth!: FollowUpMonth;

  @ApiProperty({ example: '2026-04-01' })
  dueDate!: string;

  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty({ enum: FOLLOW_UP_TASK_STATUSES })
  status!: 'open' | 'done';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  doneFollowUpId!: string | null;

  @ApiProperty({ format: 'uuid' })
  residentId!: string;

  @ApiProperty()
  residentName!: string;

  @ApiProperty({ enum: PLACEMENT_KINDS })
  kind!: PlacementKind;

  @ApiProperty({ type: String, nullable: true })
  employerName!: string | null;

  @ApiProperty({ example: '2026-03-01' })
  startDate!: string;
}

export class FollowUpTaskPageDto {
  @ApiProperty({ type: [FollowUpTaskDto] })
  items!: FollowUpTaskDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
