import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONTACT_KINDS, type ContactKind } from '../contact-kind';

export class CreateContactDto {
  @ApiProperty({ example: '2026-11-20', description: 'YYYY-MM-DD, not in the future' })
  @IsDateString({ strict: true })
  date!: string;

  @ApiProperty({ enum: CONTACT_KINDS })
  @IsIn(CONTACT_KINDS)
  kind!: ContactKind;

  @ApiPropertyOptional({ example: '在家，愿意去茶厂，下周一面试' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '2026-11-20' }) date!: string;
  @ApiProperty({ enum: CONTACT_KINDS }) kind!: ContactKind;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: Date;
}
