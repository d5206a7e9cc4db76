import type { EnrollmentDto } from './dto/enrollment.dto';
import type { Course } from './course.entity';
import type { Enrollment } from './enrollment.entity';

export function enrollmentView(e: Enrollment, course?: Course): EnrollmentDto {
  const dto: EnrollmentDto = {
    id: e.id,
    courseId: e.courseId,
    residentId: e.residentId,
    status: e.status,
    history: e.history,
    completedAt: e.completedAt ? e.completedAt.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
  };
  if (course)
    dto.course = {
      title: course.title,
      startDate: course.startDate,
      endDate: course.endDate,
      status: course.status,
    };
  return dto;
}
