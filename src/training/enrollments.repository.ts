import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CourseAttendance } from './attendance-reads';
import { SEAT_HOLDING } from './enrollment-transitions';
import { Enrollment } from './enrollment.entity';

/*
 * The enrolments' own SQL (enrollment, read with its course and sessions for attendance), for
 * EnrollmentsService and AttendanceReads. Methods that take a manager run in the caller's
 * transaction; the others on the pool.
 */

type NewEnrollment = Pick<Enrollment, 'courseId' | 'residentId' | 'status' | 'history' | 'completedAt'>;

@Injectable()
export class EnrollmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<Enrollment | null> {
    return this.dataSource.manager.findOne(Enrollment, { where: { id } });
  }

  lockById(m: EntityManager, id: string): Promise<Enrollment | null> {
    return m.findOne(Enrollment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The course's enrolments that hold a seat (SEAT_HOLDING). */
  seatHoldersOf(m: EntityManager, courseId: string): Promise<Enrollment[]> {
    return m
      .createQueryBuilder(Enrollment, 'e')
      .where('e.course_id = :courseId', { courseId })
      .andWhere('e.status IN (:...held)', { held: SEAT_HOLDING })
      .getMany();
  }

  insert(m: EntityManager, e: NewEnrollment): Promise<Enrollment> {
    return m.save(m.create(Enrollment, e));
  }

  save(m: EntityManager, e: Enrollment): Promise<Enrollment> {
    return m.save(e);
  }

  /** One page of a course's enrolments, in the order they came, and the total. */
  pageOfCourse(courseId: string, skip: number, take: number): Promise<[Enrollment[], number]> {
    return this.dataSource.manager.findAndCount(Enrollment, {
      where: { courseId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }

  /** One page of a resident's enrolments, newest first, and the total. */
  pageOfResident(residentId: string, skip: number, take: number): Promise<[Enrollment[], number]> {
    return this.dataSource.manager.findAndCount(Enrollment, {
      where: { residentId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  /**
   * The days each attending or completed enrolment of these residents counts (see
   * AttendanceReads): the course's session days begun by now (and by the completion), or, for a
   * course without sessions, its calendar days up to today. The database session runs in the
   * pilot's zone, so `to_char` gives the pilot's calendar day. Days unsorted.
   */
  attendanceOf(residentIds: string[]): Promise<(Omit<CourseAttendance, 'days'> & { days: string[] | null })[]> {
    return this.dataSource.query(
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
  }
}
