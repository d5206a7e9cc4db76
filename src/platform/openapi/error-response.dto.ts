import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'birthDate', description: 'The offending field (dotted path for nested ones)' })
  field!: string;

  @ApiProperty({ example: 'birthDate must be a date YYYY-MM-DD' })
  message!: string;
}

/** API.md's error body, as HttpExceptionFilter and toErrorBody write it. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Validation failed' })
  message!: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto], description: 'One entry per offending field (400)' })
  details?: ErrorDetailDto[];

  @ApiProperty({
    example: '5f0c6a1e-8d7b-4a51-9a43-2f1f3c2b9d10',
    description: 'Also in the x-request-id header',
  })
  requestId!: string;

  @ApiPropertyOptional({
    example: 'posting.not_open',
    description: 'A stable machine-readable reason, where one exists',
  })
  code?: string;
}
