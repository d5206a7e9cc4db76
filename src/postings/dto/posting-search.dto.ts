import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  INDUSTRIES,
  SCHEDULES,
  WAGE_UNITS,
  type Industry,
  type Schedule,
  type WageUnit,
} from '../../kernel/domain-enums';
import { TRAVEL_MODES, type TravelMode, type TravelSource } from '../../commute/travel-trip';
import { PageQuery } from '../../kernel/pagination';
import { toBoolean } from '../../employers/dto/employer.dto';
import { SEARCH_SORTS, type SearchSort } from '../posting-enums';
import { PostingSkillViewDto } from './posting.dto';

export class PostingSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Free text in Chinese or pinyin (full or initials): 采茶, 摘茶, caicha, cc',
    example: '摘茶',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional({ format: 'uuid', description: 'Distances are measured from this resettlement site' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'Needs siteId', minimum: 0, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  maxDistanceKm?: number;

  @ApiPropertyOptional({
    description:
      "Needs siteId. Only postings reached from the site within this many minutes: the fastest recorded trip (the site's travel-times table), else the estimate (straight line × detour ÷ bus speed, config/commute.yaml). A workplace with no known trip is left out. The pages offer 30 and 60 (「30 分钟以内 / 1 小时以内」)",
    minimum: 1,
    maximum: 600,
    example: 30,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600)
  maxTravelMinutes?: number;

  @ApiPropertyOptional({
    minimum: 0,
    description:
      'Yuan per month: postings whose top wage reaches it as a monthly equivalent (day × wage.workDaysPerMonth, hour × hoursPerDay × workDaysPerMonth, from config/matching.yaml: 22 and 8). Piece rates cannot be compared and are left out',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  wageMin?: number;

  @ApiPropertyOptional({ enum: SCHEDULES })
  @IsOptional()
  @IsIn(SCHEDULES)
  schedule?: Schedule;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  accommodation?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  shuttle?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  publicWelfare?: boolean;

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    description:
      'Default: relevance with q, else newest. nearest needs siteId: the quickest trip from it first (as travelMinutes), then the straight line; workplaces with no known trip last. wage compares estimated monthly pay',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;
}

export class PostingSearchItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: INDUSTRIES }) industry!: Industry;
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
  @ApiProperty() accommodation!: boolean;
  @ApiProperty() meals!: boolean;
  @ApiProperty() shuttle!: boolean;
  @ApiProperty() publicWelfare!: boolean;
  @ApiProperty() address!: string;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty({
    description:
      "The workplace was not located: the employer's location stands in; distanceKm is approximate, maxDistanceKm leaves it out, and its travelSource is unknown unless a trip was recorded to its township",
  })
  locationApproximate!: boolean;
  @ApiPropertyOptional({ description: 'From the siteId site, km rounded to 0.1' }) distanceKm?: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'With siteId: minutes one way from the site (travelSource says how it is known); null when unknown (an unlocated workplace with no recorded trip)',
  })
  travelMinutes?: number | null;
  @ApiPropertyOptional({
    enum: ['measured', 'estimate', 'unknown'],
    description:
      'With siteId: measured = a trip an officer recorded; estimate = straight line × detour ÷ speed (or a row recorded as an estimate); unknown = no way to tell, never 0',
  })
  travelSource?: TravelSource;
  @ApiPropertyOptional({
    enum: TRAVEL_MODES,
    nullable: true,
    description:
      'With siteId: the way of the trip; for an estimate, the mode it assumes (config/commute.yaml defaultEstimateMode); null when unknown',
  })
  travelMode?: TravelMode | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^\\d{2}:\\d{2}$',
    description: 'With siteId: the first trip from the site (HH:MM, pilot time), when recorded',
  })
  travelFirstDeparture?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^\\d{2}:\\d{2}$',
    description: 'With siteId: the last trip back to the site (HH:MM, pilot time), when recorded',
  })
  travelLastReturn?: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt!: Date;
  @ApiProperty({ type: [PostingSkillViewDto] }) skills!: PostingSkillViewDto[];
}

export class PostingSearchPageDto {
  @ApiProperty({ type: [PostingSearchItemDto] }) items!: PostingSearchItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
