import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DefinitionDto {
  @ApiProperty()
  zh!: string;

  @ApiProperty()
  en!: string;
}

/** GET /sites/:id/summary and GET /regions/:code/summary (API.md fields plus issue 5's). */
export class SummaryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'For a site summary' })
  siteId?: string;

  @ApiPropertyOptional({ description: 'For a region summary' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Sites aggregated (region summary)' })
  sites?: number;

  @ApiProperty() households!: number;
  @ApiProperty() laborForce!: number;
  @ApiProperty() employed!: number;
  @ApiProperty({ description: '0–1' }) employmentRate!: number;
  @ApiProperty() zeroEmploymentHouseholds!: number;
  @ApiProperty() householdsWithWorker!: number;
  @ApiProperty() monitoredHouseholds!: number;
  @ApiProperty() activePlacements!: number;
  @ApiProperty({ nullable: true, type: Number, description: '0–1, null without placements 3 months old' })
  retention3m!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '0–1, null without placements 6 months old' })
  retention6m!: number | null;
  @ApiProperty() openPostingsInReach!: number;
  @ApiProperty() trainingCompletions!: number;
  @ApiProperty() asOf!: Date;

  @ApiProperty({
    description: 'field → { zh, en }: what each number counts',
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { zh: { type: 'string' }, en: { type: 'string' } },
      required: ['zh', 'en'],
    },
  })
  definitions!: Record<string, DefinitionDto>;
}
