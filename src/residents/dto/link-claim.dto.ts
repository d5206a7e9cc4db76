import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class LinkCodeDto {
  @ApiProperty({ example: '123456', description: 'The six digits the SMS to the roster phone brought' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits of the SMS' })
  code!: string;
}

/** A pending resident's claim on a roster record, as the site's officer sees it. */
export class LinkClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() residentName!: string;
  @ApiProperty({ description: 'The name the account registered with' }) accountName!: string;
  @ApiProperty({ description: 'Masked: 139****0001' }) accountPhone!: string;
  @ApiProperty() createdAt!: Date;
}
