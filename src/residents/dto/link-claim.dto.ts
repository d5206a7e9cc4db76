import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsString, Matches } from 'class-validator';

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
  @ApiProperty({ description: 'A record the registrant created (an ID on no roster), not a roster one' })
  selfRegistered!: boolean;
  @ApiProperty({ description: 'The name the account registered with (typed by the registrant, not proof)' })
  accountName!: string;
  @ApiProperty({ description: 'Masked: 139****0001' }) accountPhone!: string;
  @ApiProperty({
    description: "Whether the account's phone is a phone of someone in the resident's household",
  })
  accountPhoneInHousehold!: boolean;
  @ApiProperty() createdAt!: Date;
}

export class ConfirmClaimDto {
  @ApiProperty({ enum: [true], description: 'The officer checked the ID card in person (audited)' })
  @Equals(true, { message: 'idCardChecked must be true: confirm only after checking the ID card' })
  idCardChecked!: boolean;
}
