import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  INDUSTRIES,
  SCHEDULES,
  WAGE_UNITS,
  type Industry,
  type Schedule,
  type WageUnit,
} from '../../kernel/domain-enums';
import { PageQuery } from '../../kernel/pagination';
import { MAX_WORKING_AGE, MIN_WORKING_AGE, POSTING_STATUSES, type PostingStatus } from '../posting-enums';

const MONEY = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };

export class PostingSkillDto {
  @ApiProperty({ example: 'tea.picking', description: 'A code of GET /skills' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ minimum: 1, maximum: 4, example: 1 })
  @IsInt()
  @Min(1)
  @Max(4)
  minLevel!: number;

  @ApiPropertyOptional({ default: true, description: 'false: preferred, not required' })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class CreatePostingDto {
  @ApiProperty({ example: '春茶采摘工（包午餐）' })
  @IsString()
  @Length(2, 100)
  title!: string;

  @ApiProperty({ example: '明前茶采摘，按斤计价，安置点每天早上有班车。' })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES)
  industry!: Industry;

  @ApiPropertyOptional({ type: [PostingSkillDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PostingSkillDto)
  skills?: PostingSkillDto[];

  @ApiPropertyOptional({ type: [String], default: [], example: ['health_certificate'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  certificates?: string[];

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  headcount!: number;

  @ApiProperty({ minimum: 0, example: 120, description: 'Yuan per wageUnit' })
  @IsNumber(MONEY)
  @Min(0)
  @Max(99999999)
  wageMin!: number;

  @ApiProperty({ minimum: 0, example: 180, description: 'Yuan per wageUnit, ≥ wageMin' })
  @IsNumber(MONEY)
  @Min(0)
  @Max(99999999)
  wageMax!: number;

  @ApiProperty({ enum: WAGE_UNITS })
  @IsIn(WAGE_UNITS)
  wageUnit!: WageUnit;

  @ApiProperty({ enum: SCHEDULES })
  @IsIn(SCHEDULES)
  schedule!: Schedule;

  @ApiPropertyOptional({
    example: '422802107',
    description: "Workplace region (GB/T 2260); default: the employer's",
  })
  @IsOptional()
  @IsString()
  @Matches(/^(\d{6}|\d{9}|\d{12})$/, { message: 'regionCode must be a 6-, 9- or 12-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ description: "Workplace address; default: the employer's" })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  address?: string;

  @ApiPropertyOptional({
    example: 30.02,
    description:
      "Workplace, with longitude (both or neither). Without them the employer's location stands in and the posting is locationApproximate",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 108.71 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  accommodation?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  meals?: boolean;

  @ApiPropertyOptional({ default: false, description: 'A shuttle runs from the resettlement site' })
  @IsOptional()
  @IsBoolean()
  shuttle?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'Public-welfare post (公益性岗位): only employers of kind public_welfare (400 naming publicWelfare otherwise); an admin may set it on another posting',
  })
  @IsOptional()
  @IsBoolean()
  publicWelfare?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_WORKING_AGE,
    maximum: MAX_WORKING_AGE,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_WORKING_AGE)
  @Max(MAX_WORKING_AGE)
  ageMin?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_WORKING_AGE,
    maximum: MAX_WORKING_AGE,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_WORKING_AGE)
  @Max(MAX_WORKING_AGE)
  ageMax?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-15', nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  startDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: '07:00',
    description:
      "When the shift starts, 'HH:MM' pilot time. Matching leaves out residents whose first bus from their site cannot arrive by then",
    nullable: true,
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'shiftStart must be a time HH:MM' })
  shiftStart?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: '17:00',
    description:
      "When the shift ends, 'HH:MM' pilot time. Matching leaves out residents who could not be back by their site's last return",
    nullable: true,
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'shiftEnd must be a time HH:MM' })
  shiftEnd?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-04-30T00:00:00+08:00',
    description: 'In the future',
    nullable: true,
  })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string | null;
}

/** status, employerId, version and hiredCount are not fields: they change only through the lifecycle. */
export class UpdatePostingDto extends PartialType(CreatePostingDto, { skipNullProperties: false }) {}

export class PostingSkillViewDto {
  @ApiProperty() code!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty() minLevel!: number;
  @ApiProperty() required!: boolean;
}

export class PostingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: INDUSTRIES }) industry!: Industry;
  @ApiProperty({ type: [PostingSkillViewDto] }) skills!: PostingSkillViewDto[];
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty() headcount!: number;
  @ApiProperty() hiredCount!: number;
  @ApiProperty() wageMin!: number;
  @ApiProperty() wageMax!: number;
  @ApiProperty({ enum: WAGE_UNITS }) wageUnit!: WageUnit;
  @ApiPropertyOptional({
    description:
      'Day and hour wages only: about a month of it (day × 22, hour × 8 × 22 by config/matching.yaml), yuan',
  })
  monthlyWageMin?: number;
  @ApiPropertyOptional({ description: 'As monthlyWageMin, for wageMax' }) monthlyWageMax?: number;
  @ApiProperty({ enum: SCHEDULES }) schedule!: Schedule;
  @ApiProperty() regionCode!: string;
  @ApiProperty() address!: string;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty({
    description:
      "The workplace was not located: latitude/longitude are the employer's location, distances are approximate",
  })
  locationApproximate!: boolean;
  @ApiProperty() accommodation!: boolean;
  @ApiProperty() meals!: boolean;
  @ApiProperty() shuttle!: boolean;
  @ApiProperty() publicWelfare!: boolean;
  @ApiProperty({ type: Number, nullable: true }) ageMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) ageMax!: number | null;
  @ApiProperty({ type: String, nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '07:00' }) shiftStart!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '17:00' }) shiftEnd!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ enum: POSTING_STATUSES }) status!: PostingStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class PostingPageDto {
  @ApiProperty({ type: [PostingDto] }) items!: PostingDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PostingStatusDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: POSTING_STATUSES }) status!: PostingStatus;
  @ApiProperty() version!: number;
}

export class PostingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: POSTING_STATUSES })
  @IsOptional()
  @IsIn(POSTING_STATUSES)
  status?: PostingStatus;
}
