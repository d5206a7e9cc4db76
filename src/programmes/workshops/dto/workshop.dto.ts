import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { WORKSHOP_STATES, WORKSHOP_TYPES, type WorkshopState, type WorkshopType } from '../workshop-rules';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateWorkshopDto {
  @ApiProperty({ format: 'uuid', description: 'A verified employer of kind `workshop`' })
  @IsUUID('4')
  employerId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  siteId!: string;

  @ApiProperty({ enum: WORKSHOP_TYPES })
  @IsIn(WORKSHOP_TYPES)
  type!: WorkshopType;

  @ApiProperty({ example: '2026-03-01', description: 'Day of the recognition document, not in the future' })
  @Matches(DAY, { message: 'recognisedOn must be a date YYYY-MM-DD' })
  recognisedOn!: string;

  @ApiPropertyOptional({ example: '利人社〔2026〕12号', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  documentNo?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, description: 'Posts, as recognised' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [3, 4, 5, 6],
    description: 'Months (1–12) a seasonal workshop works; off-season quarters count as normal',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  seasonalMonths?: number[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10000,
    example: 20,
    description:
      'Insurance paid for its workers, yuan per worker and month (unset: not recorded, below the rule)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10000)
  insuranceYuanPerWorkerMonth?: number;
}

export class WorkshopQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One site; without it, every site you manage' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;
}

export class WorkshopQuarterDto {
  @ApiProperty() year!: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter!: number;
  @ApiProperty({
    example: '2026-08-20',
    description: 'The day the figures are of (today in the current quarter)',
  })
  asOf!: string;
  @ApiProperty({ description: 'People at work at the workshop on asOf' }) workers!: number;
  @ApiProperty({
    description: 'Of them, from households lifted out of poverty or monitored, as the rules count them',
  })
  supportedWorkers!: number;
  @ApiProperty({ description: 'Months worked in the quarter up to asOf' }) monthsWorked!: number;
  @ApiProperty({ description: 'Wages recorded for those months, yuan' }) wagesYuan!: number;
  @ApiProperty({ description: 'Workers at work with no income recorded' }) workersWithoutWage!: number;
  @ApiProperty({ enum: WORKSHOP_STATES }) state!: WorkshopState;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Last day of the buffer while pending or cleared',
  })
  bufferUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) pendingSince!: string | null;
  @ApiProperty({ description: 'A seasonal workshop outside its months' }) offSeason!: boolean;
  @ApiProperty({ enum: ['supported_workers', 'insurance'], isArray: true, description: 'Rules not met' })
  shortfalls!: string[];
}

export class WorkshopDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ enum: WORKSHOP_TYPES }) type!: WorkshopType;
  @ApiProperty({ example: '2026-03-01' }) recognisedOn!: string;
  @ApiProperty({ type: String, nullable: true }) documentNo!: string | null;
  @ApiProperty({ type: Number, nullable: true }) capacity!: number | null;
  @ApiProperty({ type: [Number], nullable: true }) seasonalMonths!: number[] | null;
  @ApiProperty({ type: Number, nullable: true }) insuranceYuanPerWorkerMonth!: number | null;
  @ApiProperty({ type: WorkshopQuarterDto }) quarter!: WorkshopQuarterDto;
}

export class WorkshopListDto {
  @ApiProperty({ type: [WorkshopDto] }) items!: WorkshopDto[];
}

export class UpgradeCheckDto {
  @ApiProperty({ enum: ['long_term_workers', 'paid_workers', 'operating_months', 'revenue'] }) item!: string;
  @ApiProperty() required!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: not recorded in Leye' }) actual!:
    number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: cannot be checked here' }) met!:
    boolean | null;
}

export class UpgradeRulesDto {
  @ApiProperty() minWorkers!: number;
  @ApiProperty({ description: 'Months a placement has lasted, standing in for a contract of that length' })
  minContractMonths!: number;
  @ApiProperty() minYearlyWagesYuan!: number;
  @ApiProperty() minOperatingMonths!: number;
  @ApiProperty() minRevenueYuan!: number;
}

export class WorkshopRulesDto {
  @ApiProperty() minSupportedWorkers!: number;
  @ApiProperty() minInsuranceYuanPerWorkerMonth!: number;
  @ApiProperty() bufferMonths!: number;
  @ApiProperty({ type: UpgradeRulesDto }) upgrade!: UpgradeRulesDto;
}

export class WorkshopHistoryDto {
  @ApiProperty() year!: number;
  @ApiProperty() quarter!: number;
  @ApiProperty() asOf!: string;
  @ApiProperty() workers!: number;
  @ApiProperty() supportedWorkers!: number;
  @ApiProperty({ enum: WORKSHOP_STATES }) state!: WorkshopState;
}

export class WorkshopDetailDto extends WorkshopDto {
  @ApiProperty({ type: [UpgradeCheckDto], description: 'The upgrade test to a rural employment factory' })
  upgrade!: UpgradeCheckDto[];
  @ApiProperty({ type: WorkshopRulesDto, description: "The rules of the site's jurisdiction" })
  rules!: WorkshopRulesDto;
  @ApiProperty({ type: [WorkshopHistoryDto], description: 'Quarters on record, newest first' })
  history!: WorkshopHistoryDto[];
}
