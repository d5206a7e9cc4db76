import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Spreadsheet row (header = 1); 0 for the whole file', example: 5 })
  row!: number;

  @ApiProperty({ description: 'The Chinese column header, or 文件', example: '身份证号' })
  field!: string;

  @ApiProperty({ example: '身份证号校验位错误' })
  message!: string;
}

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  status!: string;

  @ApiProperty({ description: 'Data rows in the file (0 until it has been read)' })
  total!: number;

  @ApiProperty({ description: 'Rows handled so far, good or bad' })
  processed!: number;

  @ApiProperty({ description: 'Rows refused' })
  failed!: number;

  @ApiProperty({ description: 'Residents added' })
  created!: number;

  @ApiProperty({ description: 'Residents or households changed' })
  updated!: number;

  @ApiProperty({ description: 'Rows identical to what is stored: nothing written' })
  unchanged!: number;

  @ApiProperty({ description: 'processed / total, 0–100' })
  progress!: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'At most 1000; `failed` counts them all' })
  errors!: ImportRowErrorDto[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the whole import failed' })
  message!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  finishedAt!: Date | null;
}
