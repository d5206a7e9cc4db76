import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import { MONITORING_STATUSES, type MonitoringStatus } from '../../kernel/domain-enums';
import { PageQuery } from '../../kernel/pagination';

const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;

export class CreateHouseholdDto {
  @ApiProperty({ format: 'uuid', description: 'The resettlement site the household lives at' })
  @IsUUID('4')
  siteId!: string;

  @ApiProperty({
    example: '422802107',
    description: 'GB/T 2260 code (6, 9 or 12 digits) of the region the household is registered in',
  })
  @Matches(REGION_CODE, { message: 'originRegionCode must be a 6-, 9- or 12-digit GB/T 2260 code' })
  originRegionCode!: string;

  @ApiProperty({ enum: MONITORING_STATUSES, default: 'none' })
  @IsIn(MONITORING_STATUSES)
  monitoringStatus!: MonitoringStatus;
}

/** PATCH: a field may be left out, never set to null (both columns are NOT NULL). */
const present = (_: object, v: unknown): boolean => v !== undefined;

export class UpdateHouseholdDto {
  @ApiPropertyOptional({ enum: MONITORING_STATUSES })
  @ValidateIf(present)
  @IsIn(MONITORING_STATUSES)
  monitoringStatus?: MonitoringStatus;

  @ApiPropertyOptional({ example: '422802107' })
  @ValidateIf(present)
  @IsString()
  @Matches(REGION_CODE, { message: 'originRegionCode must be a 6-, 9- or 12-digit GB/T 2260 code' })
  originRegionCode?: string;
}

/** `true`/`false` from a query string; anything else stays as is and fails @IsBoolean. */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class HouseholdQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;

  @ApiPropertyOptional({ description: 'Only households with labour and no one at work' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  zeroEmployment?: boolean;

  @ApiPropertyOptional({ enum: MONITORING_STATUSES })
  @IsOptional()
  @IsIn(MONITORING_STATUSES)
  monitoringStatus?: MonitoringStatus;
}

export class HouseholdMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() laborCapacity!: string;
  @ApiProperty() employmentStatus!: string;
  @ApiProperty({ enum: ['active', 'pending'] }) status!: string;
}

export class HouseholdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() originRegionCode!: string;
  @ApiProperty({ enum: MONITORING_STATUSES }) monitoringStatus!: MonitoringStatus;
  @ApiProperty({ description: 'Active members aged 16–64 with full or partial labour capacity' })
  laborCapableMembers!: number;
  @ApiProperty({ description: 'Labour-capable members at work' }) employedMembers!: number;
  @ApiProperty() zeroEmployment!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) atRiskSince!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ type: [HouseholdMemberDto], description: 'On GET /households/:id' })
  members?: HouseholdMemberDto[];
}
