import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MONITORING_STATUSES } from '../../kernel/domain-enums';
import { toBoolean } from '../../employers/dto/employer.dto';
import { PageQuery } from '../../kernel/pagination';
import type { Components } from '../engine';
import type { MatchStatus } from '../results/match.entity';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const MATCH_STATUSES: readonly MatchStatus[] = ['new', 'referred', 'dismissed'];

export class LangQuery {
  @ApiPropertyOptional({ enum: LANGS, default: 'zh', description: 'Language of the reasons' })
  @IsOptional()
  @IsIn(LANGS)
  lang: Lang = 'zh';
}

export class PostingMatchesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LANGS, default: 'zh', description: 'Language of the reasons' })
  @IsOptional()
  @IsIn(LANGS)
  lang: Lang = 'zh';
}

/** Score bands of the officers' queue: strong = at least thresholds.strongMatch (config/matching.yaml). */
export const SCORE_BANDS = ['strong', 'fair', 'weak'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export class MatchQueueQuery extends PostingMatchesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this site (must be in your scope)' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the matches of this posting' })
  @IsOptional()
  @IsUUID()
  postingId?: string;

  @ApiPropertyOptional({
    enum: SCORE_BANDS,
    description:
      'strong: score ≥ thresholds.strongMatch (70); fair: 50 up to strong; weak: below 50 (config/matching.yaml)',
  })
  @IsOptional()
  @IsIn(SCORE_BANDS)
  band?: ScoreBand;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only residents of zero-employment households' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  zeroEmployment?: boolean;

  @ApiPropertyOptional({ enum: MATCH_STATUSES, default: 'new' })
  @IsOptional()
  @IsIn(MATCH_STATUSES)
  status: MatchStatus = 'new';
}

export class DismissMatchDto {
  @ApiProperty({
    example: '本人已在县城务工',
    description: 'Why the officer does not refer (1–500 characters)',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

const PART = {
  type: 'object',
  properties: { value: { type: 'number' }, points: { type: 'number' } },
  required: ['value', 'points'],
};

const COMPONENTS_SCHEMA = {
  type: 'object',
  description:
    'Score parts: skills, preferredSkills, distance, wage, schedule, industry, training — each { value, points }; distance also says the trip from the resident’s site it was scored on: minutes (one way; null = unknown) and source',
  properties: {
    skills: PART,
    preferredSkills: PART,
    distance: {
      type: 'object',
      properties: {
        value: { type: 'number' },
        points: { type: 'number' },
        minutes: { type: 'integer', nullable: true, example: 70 },
        source: { type: 'string', enum: ['measured', 'estimate', 'unknown'] },
      },
      required: ['value', 'points', 'minutes', 'source'],
    },
    wage: PART,
    schedule: PART,
    industry: PART,
    training: PART,
  },
} as unknown as ApiPropertyOptions;

/** A match as an employer sees it: consenting residents only, no name or contact data. */
export class EmployerMatchDto {
  @ApiProperty({ format: 'uuid' })
  matchId!: string;

  @ApiProperty({ format: 'uuid' })
  residentId!: string;

  @ApiProperty({ example: '田**', description: 'Family name and stars' })
  displayName!: string;

  @ApiProperty({ example: 82.5, description: 'Fit score 0–100' })
  score!: number;

  @ApiProperty(COMPONENTS_SCHEMA)
  components!: Components;

  @ApiProperty({
    example: '具备采茶 1/1 项要求技能；距离 3.2 公里，有班车；愿意做季节工',
    description:
      'Why this resident fits, for the reader: an employer reads skills, distance and availability only ' +
      '(never household situation); an officer also reads the unknowns, the wage-floor warning and the priority note',
  })
  reason!: string;
}

/** A match as an officer sees it (residents in scope only). */
export class OfficerMatchDto extends EmployerMatchDto {
  @ApiProperty({ example: '田秀英' })
  name!: string;

  @ApiProperty({
    description: 'Household priority 0–100 (zero-employment, monitored); never part of the score',
  })
  priority!: number;

  @ApiProperty({ description: '1-based position in the posting’s ranking' })
  rank!: number;

  @ApiProperty({ enum: MATCH_STATUSES })
  status!: MatchStatus;

  @ApiProperty({ format: 'uuid' })
  postingId!: string;

  @ApiProperty({ example: '春茶采茶工' })
  postingTitle!: string;

  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 3.2 })
  distanceKm!: number | null;

  @ApiProperty({ type: [String], description: 'Required skills not held at the required level' })
  requiredSkillsMissing!: string[];

  @ApiProperty()
  zeroEmployment!: boolean;

  @ApiProperty({ enum: MONITORING_STATUSES })
  monitoringStatus!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  dismissReason!: string | null;

  @ApiProperty()
  computedAt!: Date;

  @ApiProperty({ example: '2.0.0' })
  engineVersion!: string;

  @ApiProperty({
    description:
      'The posting’s lowest pay, as a monthly equivalent, is below the local minimum wage ' +
      '(config/matching.yaml wage.localMinimumMonthly): check it before referring',
  })
  wageBelowLocalMinimum!: boolean;
}

export class OfficerMatchPageDto {
  @ApiProperty({ type: [OfficerMatchDto] })
  items!: OfficerMatchDto[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  page!: number;
  @ApiProperty()
  pageSize!: number;
}

export class PostingMatchPageDto {
  @ApiProperty({
    description: 'OfficerMatchDto items for officers and admins; EmployerMatchDto items for the employer',
    type: [OfficerMatchDto],
  })
  items!: (OfficerMatchDto | EmployerMatchDto)[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  page!: number;
  @ApiProperty()
  pageSize!: number;
}

export class RecommendedPostingDto {
  @ApiProperty({ format: 'uuid' })
  postingId!: string;

  @ApiProperty({ example: '春茶采茶工' })
  title!: string;

  @ApiProperty({ example: 78.4 })
  score!: number;

  @ApiProperty({
    example: '您会采茶，这份工作要的就是这个。离您的安置点 2.9 公里。有班车。',
    description: 'Plain sentences for the resident, without fractions or scores',
  })
  reason!: string;
}

export class RecommendedCourseDto {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ example: '茶叶加工培训班' })
  title!: string;

  @ApiProperty({ example: '2026-05-01' })
  startDate!: string;

  @ApiProperty({
    type: [String],
    example: ['tea.processing'],
    description: 'Skill codes of the gap it closes',
  })
  closesGap!: string[];

  @ApiProperty({ example: '学会茶叶加工，附近 2 个岗位需要' })
  reason!: string;
}

export class RecommendationsDto {
  @ApiProperty({ type: [RecommendedPostingDto] })
  postings!: RecommendedPostingDto[];

  @ApiProperty({ type: [RecommendedCourseDto] })
  courses!: RecommendedCourseDto[];
}

export class MatchActionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MATCH_STATUSES })
  status!: MatchStatus;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  referredApplicationId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  dismissReason!: string | null;
}
