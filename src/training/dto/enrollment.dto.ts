import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQuery } from '../../kernel/pagination';

export class CreateEnrollmentDto {
  @ApiProperty({ format: 'uuid', description: 'The resident to enrol (a resident: their own id)' })
  @IsUUID()
  residentId!: string;
}

export class EnrollmentQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId!: string;
}

export class EnrollmentHistoryDto {
  @ApiProperty({ enum: ['enrolled', 'attending', 'completed', 'dropped'] }) status!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ format: 'uuid', description: 'User who made the change' }) by!: string;
}

export class EnrollmentCourseSummaryDto {
  @ApiProperty() title!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty({ enum: ['open', 'cancelled'] }) status!: string;
}

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ enum: ['enrolled', 'attending', 'completed', 'dropped'] }) status!: string;
  @ApiProperty({ type: [EnrollmentHistoryDto] }) history!: EnrollmentHistoryDto[];
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'On GET /courses/:id/enrollments' })
  residentName?: string | null;
  @ApiPropertyOptional({ type: EnrollmentCourseSummaryDto, description: 'On GET /enrollments' })
  course?: EnrollmentCourseSummaryDto;
}

export class EnrollmentPageDto {
  @ApiProperty({ type: [EnrollmentDto] }) items!: EnrollmentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
