import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../kernel/pagination';

export class CourseSkillDto {
  @ApiProperty({ example: 'tea.processing' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ minimum: 1, maximum: 4, description: 'The level a graduate reaches' })
  @IsInt()
  @Min(1)
  @Max(4)
  level!: number;
}

export class CreateCourseDto {
  @ApiProperty({ example: '茶叶加工技能培训班' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ example: '手工炒茶、机械制茶，结业发证' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ type: [CourseSkillDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CourseSkillDto)
  skills!: CourseSkillDto[];

  @ApiPropertyOptional({ example: 'health', description: 'Certificate type a graduate receives' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  certificate?: string;

  @ApiProperty({ example: '2026-09-01' })
  @IsDateString({ strict: true })
  startDate!: string;

  @ApiProperty({ example: '2026-09-15', description: 'On or after startDate' })
  @IsDateString({ strict: true })
  endDate!: string;

  @ApiProperty({
    example: '422802107',
    description: 'County (6 digits) or township (9 digits) GB/T 2260 code',
  })
  @IsString()
  @Matches(/^(\d{6}|\d{9})$/, { message: 'regionCode must be a 6-digit county or 9-digit township code' })
  regionCode!: string;

  @ApiProperty({ example: '文斗镇安置点社区服务中心二楼' })
  @IsString()
  @Length(1, 200)
  address!: string;

  @ApiPropertyOptional({ example: 30.06, description: 'With longitude, or neither' })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 108.75 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity!: number;

  @ApiProperty({ description: 'Training subsidy (培训补贴) available' })
  @IsBoolean()
  subsidized!: boolean;

  @ApiPropertyOptional({ example: '脱贫劳动力免费，结业另发生活补贴' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subsidyNote?: string;
}

export class UpdateCourseDto extends PartialType(CreateCourseDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: ['open', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'cancelled'])
  status?: 'open' | 'cancelled';
}

export class CourseQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'tea.processing', description: 'Courses that teach this skill' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  skill?: string;

  @ApiPropertyOptional({ description: 'Courses in this region (any level, prefix match)' })
  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Only open courses that have not started yet (start today or later)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  upcoming?: boolean;
}

export class CourseSkillView {
  @ApiProperty() code!: string;
  @ApiProperty() level!: number;
  @ApiPropertyOptional() nameZh?: string;
  @ApiPropertyOptional() nameEn?: string;
}

export class CourseSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
}

export class CourseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) providerUserId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [CourseSkillView] }) skills!: CourseSkillView[];
  @ApiProperty({ nullable: true, type: String }) certificate!: string | null;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty() capacity!: number;
  @ApiProperty() enrolledCount!: number;
  @ApiProperty() seatsLeft!: number;
  @ApiProperty() subsidized!: boolean;
  @ApiProperty({ nullable: true, type: String }) subsidyNote!: string | null;
  @ApiProperty({ enum: ['open', 'cancelled'] }) status!: string;
  @ApiPropertyOptional({ type: [CourseSessionDto], description: 'Only on GET /courses/:id' })
  sessions?: CourseSessionDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CoursePageDto {
  @ApiProperty({ type: [CourseDto] }) items!: CourseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CreateSessionDto {
  @ApiProperty({ example: '2026-09-01T08:30:00+08:00' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-09-01T11:30:00+08:00', description: 'After startsAt' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ example: '安置点茶叶加工车间' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  place?: string;
}
