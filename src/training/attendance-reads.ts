import { Injectable } from '@nestjs/common';
import { EnrollmentsRepository } from './enrollments.repository';

/** The days a resident attended one course (pilot calendar, sorted). */
export interface CourseAttendance {
  residentId: string;
  courseId: string;
  courseTitle: string;
  subsidized: boolean;
  days: string[];
}

/**
 * The training module's read for the programmes (issue 17: training living allowance per day of
 * attendance). Leye keeps no per-session register: an enrolment marked attending or completed
 * counts the course's session days that have begun (up to the completion), or, for a course
 * without sessions, its calendar days up to today. Dropped enrolments count nothing.
 */
@Injectable()
export class AttendanceReads {
  constructor(private readonly repo: EnrollmentsRepository) {}

  async ofResidents(residentIds: string[]): Promise<CourseAttendance[]> {
    if (!residentIds.length) return [];
    const rows = await this.repo.attendanceOf(residentIds);
    return rows.map((r) => ({ ...r, days: [...(r.days ?? [])].sort() }));
  }
}
