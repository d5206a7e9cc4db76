import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RECORDED_SOURCES, TRAVEL_MODES, type RecordedSource, type TravelMode } from '../travel-trip';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One way from the site; a destination is a region code, or a place name with coordinates. */
export class CreateTravelTimeDto {
  @ApiPropertyOptional({
    example: '422802107',
    description:
      'Township (9 digits) or village (12) the trip goes to; covers every place whose code starts with it',
  })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: 'destinationRegionCode must be a region code of 6 to 12 digits' })
  destinationRegionCode?: string;

  @ApiPropertyOptional({ example: '东城工业园', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  placeName?: string;

  @ApiPropertyOptional({ example: 30.29, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 108.93, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiProperty({ enum: TRAVEL_MODES })
  @IsIn(TRAVEL_MODES)
  mode!: TravelMode;

  @ApiProperty({ minimum: 1, maximum: 600, description: 'One way, door to door' })
  @IsInt()
  @Min(1)
  @Max(600)
  minutes!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'Yuan, one way' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  fare?: number;

  @ApiPropertyOptional({ example: '07:30', description: "The first trip from the site, 'HH:MM' pilot time" })
  @IsOptional()
  @Matches(HHMM, { message: "firstDeparture must be a time 'HH:MM'" })
  firstDeparture?: string;

  @ApiPropertyOptional({
    example: '18:00',
    description: "The last trip back to the site, 'HH:MM' pilot time",
  })
  @IsOptional()
  @Matches(HHMM, { message: "lastReturn must be a time 'HH:MM'" })
  lastReturn?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [1, 2, 3, 4, 5],
    description: 'ISO weekdays it runs (1 = Monday); absent or empty = every day',
  })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days?: number[];

  @ApiProperty({ enum: RECORDED_SOURCES, description: "'measured' by an officer, or an 'estimate'" })
  @IsIn(RECORDED_SOURCES)
  source!: RecordedSource;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An employer's own shuttle (mode 'shuttle'): only that employer's postings use it",
  })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

export class TravelTimeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty({ type: String, nullable: true }) destinationRegionCode!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The region code's name (null for a code not in the region table)",
  })
  destinationName!: string | null;
  @ApiProperty({ type: String, nullable: true }) placeName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ enum: TRAVEL_MODES }) mode!: TravelMode;
  @ApiProperty() minutes!: number;
  @ApiProperty({ type: Number, nullable: true }) fare!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '07:30' }) firstDeparture!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '18:00' }) lastReturn!: string | null;
  @ApiProperty({ type: [Number], nullable: true, description: 'null = every day' }) days!: number[] | null;
  @ApiProperty({ enum: RECORDED_SOURCES }) source!: RecordedSource;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) employerId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Employer name of a shuttle' }) employerName!:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class TravelTimeImportResultDto {
  @ApiProperty({ description: 'Rows now in the table (the import replaced the previous ones)' })
  imported!: number;
}
