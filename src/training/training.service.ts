import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { boundingBox } from '../kernel/geo';
import { todayInPilotZone as chinaToday } from '../kernel/clock';
import type { CourseSkill } from './course.entity';

export interface UpcomingCourse {
  id: string;
  title: string;
  startDate: string;
  skills: CourseSkill[];
  regionCode: string;
  /** From the given place; null when the course has no coordinates. */
  distanceKm: number | null;
  seatsLeft: number;
}

/** What the training module offers other modules (matching: the courses that close a skill gap). */
@Injectable()
export class TrainingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Open courses starting today or later, with seats left, teaching any of `skillCodes`, that a
   * resident of `near` can reach: in the same county (first 6 digits of the region code), or
   * within `withinKm` when the course has coordinates. Nearest first, then soonest.
   */
  async upcomingCoursesTeaching(
    skillCodes: string[],
    near: { latitude: number; longitude: number; regionCode: string },
    opts: { withinKm: number; limit: number },
  ): Promise<UpcomingCourse[]> {
    if (skillCodes.length === 0 || opts.limit <= 0) return [];
    const box = boundingBox(near.latitude, near.longitude, opts.withinKm);
    const rows: {
      id: string;
      title: string;
      startDate: string;
      skills: CourseSkill[];
      regionCode: string;
      distanceKm: number | null;
      seatsLeft: number;
    }[] = await this.dataSource.query(
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
        chinaToday(),
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
    return rows.map((r) => ({
      ...r,
      distanceKm: r.distanceKm === null ? null : Math.round(Number(r.distanceKm) * 10) / 10,
      seatsLeft: Number(r.seatsLeft),
    }));
  }
}
