import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../kernel/pagination';

export class SiteChannelDto {
  @ApiProperty({ enum: ['wecom', 'dingtalk', 'email'] })
  @IsIn(['wecom', 'dingtalk', 'email'])
  type!: 'wecom' | 'dingtalk' | 'email';

  @ApiProperty({ description: 'Robot webhook URL (https) or e-mail address' })
  @IsString()
  @MaxLength(500)
  @Matches(/^(https?:\/\/\S+|[^@\s]+@[^@\s]+\.[^@\s]+)$/, {
    message: 'target must be a webhook URL or an e-mail address',
  })
  target!: string;
}

export class CreateSiteDto {
  @ApiProperty({ example: '文斗镇易地扶贫搬迁安置点' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '422802107', description: 'Township (9-digit GB/T 2260 code)' })
  @IsString()
  @Matches(/^\d{9}$/, { message: 'regionCode must be a 9-digit township code' })
  regionCode!: string;

  @ApiProperty({ example: 30.06 })
  @IsLatitude()
  latitude!: number;

  @ApiProperty({ example: 108.75 })
  @IsLongitude()
  longitude!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  capacity?: number;

  @ApiPropertyOptional({ example: '2019-12-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  openedOn?: string;

  @ApiPropertyOptional({ type: [SiteChannelDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SiteChannelDto)
  channels?: SiteChannelDto[];
}

export class UpdateSiteDto extends PartialType(CreateSiteDto, { skipNullProperties: false }) {}

export class SiteQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only sites in this region (any level)' })
  @IsOptional()
  @Matches(/^\d{2,12}$/)
  regionCode?: string;
}

export class RegionQuery {
  @ApiPropertyOptional({ description: 'Children of this code; provinces when omitted' })
  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: 'parentCode must be a GB/T 2260 code' })
  parentCode?: string;
}

export class RegionDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['province', 'city', 'county', 'township', 'village'] }) level!: string;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
}

export class SiteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
  @ApiPropertyOptional() regionName?: string;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty({ nullable: true, type: String }) openedOn!: string | null;
  @ApiPropertyOptional({ type: [SiteChannelDto] }) channels?: SiteChannelDto[];
}
