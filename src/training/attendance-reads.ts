import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
 * The database session runs in the pilot's zone, so `to_char` gives the pilot's calendar day.
 */
@Injectable()
export class AttendanceReads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofResidents(residentIds: string[]): Promise<CourseAttendance[]> {
    if (!residentIds.length) return [];
    const rows: (Omit<CourseAttendance, 'days'> & { days: string[] | null })[] = await this.dataSource.query(
      `SELECT e.resident_id AS "residentId", c.id AS "courseId", c.title AS "courseTitle", c.subsidized,
              CASE WHEN EXISTS (SELECT 1 FROM course_session s0 WHERE s0.course_id = c.id)
                THEN (SELECT array_agg(DISTINCT to_char(s.starts_at, 'YYYY-MM-DD'))
                        FROM course_session s
                       WHERE s.course_id = c.id AND s.starts_at <= least(now(), coalesce(e.completed_at, now())))
                ELSE (SELECT array_agg(to_char(d, 'YYYY-MM-DD') ORDER BY d)
                        FROM generate_series(c.start_date::timestamp,
                               least(c.end_date, current_date, coalesce(e.completed_at::date, current_date))::timestamp,
                               interval '1 day') d)
              END AS days
         FROM enrollment e JOIN course c ON c.id = e.course_id
        WHERE e.resident_id = ANY($1::uuid[]) AND e.status IN ('attending', 'completed')
        ORDER BY e.resident_id, c.start_date`,
      [residentIds],
    );
    return rows.map((r) => ({ ...r, days: [...(r.days ?? [])].sort() }));
  }
}
