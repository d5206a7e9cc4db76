import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PHONE_PATTERN } from '../../access/dto/auth.dto';
import {
  EMPLOYMENT_STATUSES,
  INDUSTRIES,
  LABOR_CAPACITIES,
  SCHEDULES,
  type EmploymentStatus,
  type Industry,
  type LaborCapacity,
  type Schedule,
} from '../../kernel/domain-enums';
import { PageQuery } from '../../kernel/pagination';
import { EDUCATIONS, GENDERS, RESIDENT_STATUSES, SKILL_SOURCES, type Education, type Gender } from '../enums';
import { IsNationalId } from './national-id.validator';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CERTIFICATE_TYPE = /^[a-z][a-z0-9_]{1,31}$/;

export class PreferencesDto {
  @ApiProperty({ enum: INDUSTRIES, isArray: true, example: ['tea', 'garments'] })
  @IsArray()
  @ArrayMaxSize(INDUSTRIES.length)
  @ArrayUnique()
  @IsIn(INDUSTRIES, { each: true })
  industries!: Industry[];

  @ApiPropertyOptional({
    type: Number,
    description: 'Minimum acceptable wage, yuan per month',
    example: 2500,
    nullable: true,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000000)
  wageMin?: number | null;

  @ApiProperty({ enum: SCHEDULES, isArray: true, example: ['full_time', 'flexible'] })
  @IsArray()
  @ArrayMaxSize(SCHEDULES.length)
  @ArrayUnique()
  @IsIn(SCHEDULES, { each: true })
  schedules!: Schedule[];

  @ApiPropertyOptional({
    type: Number,
    example: 15,
    nullable: true,
    description:
      'Older clients: the longest commute in km. Used only while maxCommuteMinutes is not stated (converted with config/commute.yaml minutesPerKm); setting it without maxCommuteMinutes clears the minutes',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(5000)
  maxCommuteKm?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 5,
    maximum: 240,
    example: 45,
    nullable: true,
    description:
      'The longest trip the resident accepts from their site, one way, in minutes (null: maxCommuteKm converted, or the default of config/commute.yaml). An officer may set it on their behalf',
  })
  @IsOptional()
  @IsInt({ message: 'maxCommuteMinutes must be a whole number of minutes' })
  @Min(5)
  @Max(240)
  maxCommuteMinutes?: number | null;

  @ApiProperty({ description: 'Would work away from home with accommodation' })
  @IsBoolean()
  willingToWorkAway!: boolean;
}

/** PATCH: any subset of the preferences. */
export class UpdatePreferencesDto extends PartialType(PreferencesDto, { skipNullProperties: false }) {}

export class SkillLevelDto {
  @ApiProperty({ example: 'tea.picking', description: 'A code of GET /skills' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ minimum: 1, maximum: 4, description: '1 beginner … 4 certified master' })
  @IsInt()
  @Min(1)
  @Max(4)
  level!: number;
}

export class CertificateDto {
  @ApiProperty({ example: 'driving_c1', description: 'driving_c1, electrician, health, forklift, welder, …' })
  @IsString()
  @Matches(CERTIFICATE_TYPE, { message: 'type must be a lower-case code such as driving_c1' })
  type!: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2028-06-30', nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'expiresAt must be a date YYYY-MM-DD' })
  expiresAt?: string | null;
}

export class CreateResidentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  householdId!: string;

  @ApiProperty({ example: '田小梅' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: GENDERS, description: 'Must agree with the national ID' })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({ example: '1988-03-12', description: 'Must agree with the national ID' })
  @Matches(ISO_DATE, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate!: string;

  @ApiProperty({
    example: '42280219880312004X',
    description: '18 characters with a valid birth date and check character; stored encrypted, shown masked',
  })
  @IsString()
  @IsNationalId()
  nationalId!: string;

  @ApiPropertyOptional({ example: '13900000001', description: 'Stored encrypted, shown masked' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone?: string;

  @ApiPropertyOptional({ enum: EDUCATIONS })
  @IsOptional()
  @IsIn(EDUCATIONS)
  education?: Education;

  @ApiProperty({ enum: LABOR_CAPACITIES })
  @IsIn(LABOR_CAPACITIES)
  laborCapacity!: LaborCapacity;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES })
  @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus!: EmploymentStatus;

  @ApiProperty({ description: 'Separate consent to show the profile to employers (PIPL art. 29)' })
  @IsBoolean()
  consentToShare!: boolean;

  @ApiPropertyOptional({ type: PreferencesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreferencesDto)
  preferences?: PreferencesDto;

  @ApiPropertyOptional({ type: [SkillLevelDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique((s: SkillLevelDto) => s?.code, { message: 'skills must not repeat a code' })
  @ValidateNested({ each: true })
  @Type(() => SkillLevelDto)
  skills?: SkillLevelDto[];

  @ApiPropertyOptional({ type: [CertificateDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique((c: CertificateDto) => c?.type, { message: 'certificates must not repeat a type' })
  @ValidateNested({ each: true })
  @Type(() => CertificateDto)
  certificates?: CertificateDto[];

  @ApiPropertyOptional({ description: 'Opt-in to job alerts', default: false })
  @IsOptional()
  @IsBoolean()
  jobAlerts?: boolean;

  @ApiPropertyOptional({ description: 'Looks after children or elderly relatives', default: false })
  @IsOptional()
  @IsBoolean()
  careDuties?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['zh', 'tujia'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  languages?: string[];
}

/**
 * PATCH /residents/:id. Officers may change any field; a resident changing their own record
 * only the fields of RESIDENT_EDITABLE (everything else is what an officer verifies).
 */
export class UpdateResidentDto extends PartialType(OmitType(CreateResidentDto, ['preferences'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ type: UpdatePreferencesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdatePreferencesDto)
  preferences?: UpdatePreferencesDto;
}

/** Fields a resident may change on their own record. */
export const RESIDENT_EDITABLE: readonly (keyof UpdateResidentDto)[] = [
  'phone',
  'education',
  'consentToShare',
  'preferences',
  'skills',
  'jobAlerts',
  'careDuties',
  'languages',
];

export class ConfirmResidentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Move the resident into this household' })
  @IsOptional()
  @IsUUID('4')
  householdId?: string;

  @ApiPropertyOptional({ description: 'Required when the registration carried no national ID' })
  @IsOptional()
  @IsString()
  @IsNationalId()
  nationalId?: string;
}

export class ResidentQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  householdId?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: RESIDENT_STATUSES })
  @IsOptional()
  @IsIn(RESIDENT_STATUSES)
  status?: 'active' | 'pending';
}

export class ResidentSkillDto {
  @ApiProperty() code!: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) level!: number;
  @ApiProperty({ enum: SKILL_SOURCES }) source!: string;
  @ApiProperty({ nullable: true, type: String }) sourceRef!: string | null;
}

export class PreferencesOutDto {
  @ApiProperty({ enum: INDUSTRIES, isArray: true }) industries!: Industry[];
  @ApiProperty({ nullable: true, type: Number }) wageMin!: number | null;
  @ApiProperty({ enum: SCHEDULES, isArray: true }) schedules!: Schedule[];
  @ApiProperty({ nullable: true, type: Number }) maxCommuteKm!: number | null;
  @ApiProperty({
    nullable: true,
    type: 'integer',
    description: 'As stated in minutes (null: not stated in minutes; maxCommuteKm, if any, is converted)',
  })
  maxCommuteMinutes!: number | null;
  @ApiProperty() willingToWorkAway!: boolean;
}

export class CertificateOutDto {
  @ApiProperty() type!: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt!: string | null;
}

export class ResidentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: GENDERS, nullable: true }) gender!: Gender | null;
  @ApiProperty({ nullable: true, type: String }) birthDate!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '422802********004X' }) nationalIdMasked!:
    string | null;
  @ApiProperty({ enum: LABOR_CAPACITIES }) laborCapacity!: LaborCapacity;
  @ApiProperty({ enum: EMPLOYMENT_STATUSES }) employmentStatus!: EmploymentStatus;
  @ApiProperty() consentToShare!: boolean;
  @ApiProperty({ enum: RESIDENT_STATUSES }) status!: string;
}

export class ResidentDto extends ResidentSummaryDto {
  @ApiProperty({ nullable: true, type: String, example: '139****0001' }) phoneMasked!: string | null;
  @ApiProperty({ enum: EDUCATIONS, nullable: true }) education!: Education | null;
  @ApiProperty({ type: PreferencesOutDto }) preferences!: PreferencesOutDto;
  @ApiProperty() jobAlerts!: boolean;
  @ApiProperty() careDuties!: boolean;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: [ResidentSkillDto] }) skills!: ResidentSkillDto[];
  @ApiProperty({ type: [CertificateOutDto] }) certificates!: CertificateOutDto[];
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) erasedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** GET /residents/:id/export: the resident's own data (PIPL right of access). */
export class ResidentExportDto extends ResidentDto {
  @ApiProperty({ nullable: true, type: String, description: 'The phone in clear' }) phone!: string | null;
  @ApiProperty({ description: 'The household record' }) household!: Record<string, unknown>;
  @ApiProperty() exportedAt!: Date;
}
