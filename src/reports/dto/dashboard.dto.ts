import { ApiProperty } from '@nestjs/swagger';

export class SiteRateDto {
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() laborForce!: number;
  @ApiProperty() employed!: number;
  @ApiProperty({ description: '0–1' }) employmentRate!: number;
}

export class MonthPlacementsDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() placements!: number;
}

export class MonthHouseholdsDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() households!: number;
}

export class SkillGapDto {
  @ApiProperty() code!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ description: 'Open postings in reach requiring it' }) postings!: number;
  @ApiProperty({ description: 'Open positions (headcount − hired) of those postings' }) openings!: number;
  @ApiProperty({ description: 'Residents of the site holding it' }) residentsHolding!: number;
}

/** GET /sites/:id/dashboard: series for the officer's charts. */
export class DashboardDto {
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ type: [SiteRateDto], description: 'Every site in the caller’s scope' })
  employmentRateBySite!: SiteRateDto[];
  @ApiProperty({ type: [MonthPlacementsDto], description: 'Last 12 months, oldest first' })
  placementsStartedByMonth!: MonthPlacementsDto[];
  @ApiProperty({ type: [MonthHouseholdsDto], description: 'Last 12 months, at each month end (see notes)' })
  zeroEmploymentHouseholdsByMonth!: MonthHouseholdsDto[];
  @ApiProperty({ type: [SkillGapDto] }) skillGaps!: SkillGapDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) notes!: Record<string, string>;
}
