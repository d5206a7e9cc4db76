import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { INDUSTRIES, type Industry } from '../../kernel/domain-enums';
import { PageQuery } from '../../kernel/pagination';
import { EMPLOYER_KINDS, type EmployerKind } from '../employer-kind';

/** Query-string booleans: only the words true/false (implicit conversion is off). */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateEmployerDto {
  @ApiProperty({ example: '利川市文斗镇星斗茶叶专业合作社' })
  @IsString()
  @Length(2, 100)
  name!: string;

  @ApiProperty({
    example: '93422802MA4F0000XX',
    description: 'Unified social credit code (GB 32100): 18 characters with its check character',
  })
  @IsString()
  @Length(1, 40)
  creditCode!: string;

  @ApiProperty({ enum: EMPLOYER_KINDS })
  @IsIn(EMPLOYER_KINDS)
  kind!: EmployerKind;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES)
  industry!: Industry;

  @ApiProperty({
    example: '422802107',
    description: 'GB/T 2260 code: county (6), township (9) or village (12 digits)',
  })
  @IsString()
  @Matches(/^(\d{6}|\d{9}|\d{12})$/, { message: 'regionCode must be a 6-, 9- or 12-digit GB/T 2260 code' })
  regionCode!: string;

  @ApiProperty({ example: '利川市文斗镇长顺村 3 组' })
  @IsString()
  @Length(2, 200)
  address!: string;

  @ApiProperty({ example: 30.02 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  latitude!: number;

  @ApiProperty({ example: 108.71 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  longitude!: number;
}

/** Verification is never a field: it is set by POST /employers/:id/verify only. */
export class UpdateEmployerDto extends PartialType(CreateEmployerDto, { skipNullProperties: false }) {}

export class RejectEmployerDto {
  @ApiProperty({
    example: '营业执照照片看不清，请重新上传清晰的照片',
    description: 'What to fix; shown to the employer',
  })
  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class EmployerRejectionDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) rejectedAt!: Date;
}

export class EmployerQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'false: the verification queue (neither verified nor refused); true: verified only',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  verified?: boolean;
}

export class EmployerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty({ enum: EMPLOYER_KINDS }) kind!: EmployerKind;
  @ApiProperty({ enum: INDUSTRIES }) industry!: Industry;
  @ApiProperty() regionCode!: string;
  @ApiProperty() address!: string;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty() verified!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt!: Date | null;
  @ApiProperty({
    type: EmployerRejectionDto,
    nullable: true,
    description:
      'An officer refused the verification: what to fix. Cleared by the next change or a verification',
  })
  rejection!: EmployerRejectionDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerDto] }) items!: EmployerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
