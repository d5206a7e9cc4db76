import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { boundingBox } from '../kernel/geo';
import { CourseSession } from './course-session.entity';
import { Course, type CourseSkill } from './course.entity';

/*
 * The courses' own SQL over the course and course_session tables, for CoursesService,
 * EnrollmentsService (the seat count lives on the course) and TrainingService. Methods that take
 * a manager run in the caller's transaction; the others on the pool.
 */

/** What the public list filters on; `startingFrom` keeps courses starting that day or later. */
export interface OpenCourseFilter {
  skill?: string;
  regionCode?: string;
  startingFrom?: string;
}

/** An open course with seats left, as matching offers it for a skill gap. */
export interface UpcomingCourseRow {
  id: string;
  title: string;
  startDate: string;
  skills: CourseSkill[];
  regionCode: string;
  distanceKm: number | null;
  seatsLeft: number;
}

type NewCourse = Omit<Course, 'id' | 'createdAt' | 'updatedAt'>;
type NewSession = Pick<CourseSession, 'courseId' | 'startsAt' | 'endsAt' | 'place'>;

@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  findById(id: string, m?: EntityManager): Promise<Course | null> {
    return this.q(m).findOne(Course, { where: { id } });
  }

  /** The row for a change (or a seat count), locked until the caller's transaction ends. */
  lockById(m: EntityManager, id: string): Promise<Course | null> {
    return m.findOne(Course, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByIds(ids: string[]): Promise<Course[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(Course, 'c').where('c.id = ANY(:ids)', { ids }).getMany();
  }

  insert(m: EntityManager, c: NewCourse): Promise<Course> {
    return m.save(m.create(Course, c));
  }

  save(m: EntityManager, c: Course): Promise<Course> {
    return m.save(c);
  }

  async setEnrolledCount(m: EntityManager, id: string, enrolledCount: number): Promise<void> {
    await m.update(Course, { id }, { enrolledCount });
  }

  sessionsOf(courseId: string): Promise<CourseSession[]> {
    return this.dataSource.manager.find(CourseSession, { where: { courseId }, order: { startsAt: 'ASC' } });
  }

  insertSession(m: EntityManager, s: NewSession): Promise<CourseSession> {
    return m.save(m.create(CourseSession, s));
  }

  /** One page of the open courses, soonest first, and the total. */
  pageOpen(f: OpenCourseFilter, skip: number, take: number): Promise<[Course[], number]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Course, 'c')
      .where(`c.status = 'open'`)
      .orderBy('c.startDate', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (f.skill) qb.andWhere('c.skill_codes && CAST(:codes AS text[])', { codes: [f.skill] });
    if (f.regionCode) qb.andWhere('c.region_code LIKE :rc', { rc: `${f.regionCode}%` });
    if (f.startingFrom) qb.andWhere('c.start_date >= :today', { today: f.startingFrom });
    return qb.skip(skip).take(take).getManyAndCount();
  }

  /** One page of a provider's courses, cancelled ones included, latest start first. */
  pageOwned(providerUserId: string, skip: number, take: number): Promise<[Course[], number]> {
    return this.dataSource.manager.findAndCount(Course, {
      where: { providerUserId },
      order: { startDate: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  /**
   * Open courses starting on `from` or later, with seats left, teaching any of `skillCodes`, in
   * the county of `near` (first 6 digits) or within `withinKm` of it when the course has
   * coordinates. Nearest first, then soonest; distances as computed (not rounded).
   */
  async upcomingTeaching(
    skillCodes: string[],
    near: { latitude: number; longitude: number; regionCode: string },
    from: string,
    opts: { withinKm: number; limit: number },
  ): Promise<UpcomingCourseRow[]> {
    const box = boundingBox(near.latitude, near.longitude, opts.withinKm);
    return this.dataSource.query(
      `SELECT c.id, c.title, to_char(c.start_date, 'YYYY-MM-DD') AS "startDate", c.skills,
              c.region_code AS "regionCode", c.capacity - c.enrolled_count AS "seatsLeft",
              CASE WHEN c.latitude IS NULL OR c.longitude IS NULL THEN NULL
                   ELSE haversine_km($1, $2, c.latitude, c.longitude) END AS "distanceKm"
         FROM course c
        WHERE c.status = 'open'
          AND c.start_date >= $3::date
          AND c.enrolled_count < c.capacity
          AND c.skill_codes && $4::text[]
          AND (left(c.region_code, 6) = left($5, 6)
               OR (c.latitude BETWEEN $6 AND $7 AND c.longitude BETWEEN $8 AND $9
                   AND haversine_km($1, $2, c.latitude, c.longitude) <= $10))
        ORDER BY "distanceKm" ASC NULLS LAST, c.start_date ASC, c.id ASC
        LIMIT $11`,
      [
        near.latitude,
        near.longitude,
        from,
        skillCodes,
        near.regionCode,
        box.minLat,
        box.maxLat,
        box.minLon,
        box.maxLon,
        opts.withinKm,
        opts.limit,
      ],
    );
  }
}
