import { ApiProperty } from '@nestjs/swagger';

export class BundleCompletionDto {
  @ApiProperty({ description: 'Labour-capable members of the households with an open case' })
  members!: number;
  @ApiProperty({ description: "Of them, those who received every count of their jurisdiction's bundle" })
  complete!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.5,
    description: 'complete ÷ members; null with no member',
  })
  share!: number | null;
}

export class DashboardLinksDto {
  @ApiProperty({
    example: '/api/v1/cases?siteId=…&active=true',
    description: 'The open cases (open and assisting)',
  })
  cases!: string;
  @ApiProperty({ example: '/api/v1/cases?siteId=…&overdue=true' })
  overdue!: string;
  @ApiProperty({
    example: '/api/v1/cases?siteId=…',
    description: 'Every case, closed too (the median and the share are over these)',
  })
  all!: string;
}

export class DashboardGroupDto {
  @ApiProperty({ example: '0d5c…', description: 'The site id, or the township region code' })
  id!: string;
  @ApiProperty({ example: '文斗镇帮扶安置点' })
  name!: string;
  @ApiProperty({ description: 'Cases open or assisting (nobody at work yet)' })
  open!: number;
  @ApiProperty({ description: 'Of them, past a due date' })
  overdue!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2.5,
    description:
      'Median working days from recognition to the first contact (every case contacted); null before any',
  })
  medianWorkingDaysToFirstContact!: number | null;
  @ApiProperty({ description: 'Cases contacted (the median is over these)' })
  contacted!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.75,
    description: 'Of the cases whose clearing date has come or that were cleared, the share cleared by it',
  })
  clearedWithinDeadline!: number | null;
  @ApiProperty({ description: 'Cases the share is over (clearing date passed, or cleared)' })
  judged!: number;
  @ApiProperty({ type: BundleCompletionDto })
  bundle!: BundleCompletionDto;
  @ApiProperty({
    type: DashboardLinksDto,
    description: 'The lists each number counts (GET /cases with filters)',
  })
  links!: DashboardLinksDto;
}

export class CaseDashboardDto {
  @ApiProperty({
    example: '2026-10-09',
    description: "Today in the pilot's zone: the date the figures are taken on",
  })
  today!: string;
  @ApiProperty({ type: [DashboardGroupDto], description: 'One row per site of the cases you read' })
  sites!: DashboardGroupDto[];
  @ApiProperty({
    type: [DashboardGroupDto],
    description: "One row per origin township (the household's registration, 9-digit region code)",
  })
  townships!: DashboardGroupDto[];
}
