import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  EVIDENCE_ITEMS,
  SUBSIDY_PROGRAMMES,
  type EvidenceItem,
  type SubsidyProgramme,
} from '../subsidies-config';

export const EVIDENCE_STATUSES = ['missing', 'provided', 'verified'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const PERIOD_HELP =
  "`2026` (a year), `2026-Q3` (a quarter) or `2026-09` (a month): the programme's claim period (config/programmes.yaml claimPeriod)";

export class EligibilityQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  siteId!: string;

  @ApiProperty({ enum: SUBSIDY_PROGRAMMES })
  @IsIn(SUBSIDY_PROGRAMMES)
  programme!: SubsidyProgramme;

  @ApiPropertyOptional({ description: `${PERIOD_HELP}; default: the period that contains today` })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must look like 2026, 2026-Q3 or 2026-09' })
  period?: string;
}

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_ITEMS }) item!: EvidenceItem;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: EvidenceStatus;
}

export class EligibilityBasisDto {
  @ApiPropertyOptional({ format: 'uuid' }) placementId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) partnerCity?: string | null;
  @ApiPropertyOptional({ enum: ['outOfProvince', 'inProvince', 'inPrefecture'] }) destination?: string;
  @ApiPropertyOptional({ description: 'Months of work the follow-ups vouch for' }) monthsWorked?: number;
  @ApiPropertyOptional({ description: 'Days of attendance in the period' }) days?: number;
  @ApiPropertyOptional({ description: 'Public-welfare wage a month, held between the minimum and its cap' })
  monthlyWage?: number;
  @ApiPropertyOptional({ description: 'Months of the period on the post' }) months?: number;
  @ApiPropertyOptional({ format: 'date', description: 'Last day of the post the rule pays' }) until?: string;
}

export class EligibilityItemDto {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() residentName!: string;
  @ApiProperty({ enum: SUBSIDY_PROGRAMMES }) programme!: SubsidyProgramme;
  @ApiProperty({ description: 'Yuan for the period' }) amount!: number;
  @ApiProperty({ format: 'date' }) eligibleSince!: string;
  @ApiProperty({ type: EligibilityBasisDto }) basis!: EligibilityBasisDto;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ description: 'Every evidence item provided or verified: a claim may be filed' })
  complete!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Already claimed for the period',
  })
  claimId!: string | null;
}

export class EligibilityListDto {
  @ApiProperty({ example: '2026' }) period!: string;
  @ApiProperty({ type: [EligibilityItemDto] }) items!: EligibilityItemDto[];
}

export class CreateClaimDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  residentId!: string;

  @ApiProperty({ enum: SUBSIDY_PROGRAMMES })
  @IsIn(SUBSIDY_PROGRAMMES)
  programme!: SubsidyProgramme;

  @ApiProperty({ description: PERIOD_HELP, example: '2026' })
  @Matches(PERIOD, { message: 'period must look like 2026, 2026-Q3 or 2026-09' })
  period!: string;
}

export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() residentName!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ format: 'uuid', description: 'The notice roster this claim is posted on' }) batchId!: string;
  @ApiProperty({ enum: SUBSIDY_PROGRAMMES }) programme!: SubsidyProgramme;
  @ApiProperty() period!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ type: EligibilityBasisDto }) basis!: EligibilityBasisDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class ClaimListDto {
  @ApiProperty({ type: [ClaimDto] }) items!: ClaimDto[];
}

export class ClaimsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  siteId!: string;
}

export class SetEvidenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  residentId!: string;

  @ApiProperty({ enum: SUBSIDY_PROGRAMMES })
  @IsIn(SUBSIDY_PROGRAMMES)
  programme!: SubsidyProgramme;

  @ApiProperty({ enum: EVIDENCE_ITEMS })
  @IsIn(EVIDENCE_ITEMS)
  item!: EvidenceItem;

  @ApiProperty({
    enum: EVIDENCE_STATUSES,
    description: 'provided: the officer has seen it; verified: checked; missing: clears the mark',
  })
  @IsIn(EVIDENCE_STATUSES)
  status!: EvidenceStatus;
}

export class NoticeQuery {
  @ApiProperty({ format: 'uuid', description: 'The batch id of the claims (ClaimDto.batchId)' })
  @IsUUID('4')
  batch!: string;
}
