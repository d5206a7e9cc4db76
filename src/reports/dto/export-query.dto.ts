import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ExportQuery {
  @ApiProperty({ format: 'uuid', description: 'A site the caller manages' })
  @IsUUID('4')
  siteId!: string;
}
