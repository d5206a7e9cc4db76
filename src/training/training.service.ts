import { Injectable } from '@nestjs/common';
import { todayInPilotZone as chinaToday } from '../kernel/clock';
import type { CourseSkill } from './course.entity';
import { CoursesRepository } from './courses.repository';

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
  constructor(private readonly repo: CoursesRepository) {}

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
    const rows = await this.repo.upcomingTeaching(skillCodes, near, chinaToday(), opts);
    return rows.map((r) => ({
      ...r,
      distanceKm: r.distanceKm === null ? null : Math.round(Number(r.distanceKm) * 10) / 10,
      seatsLeft: Number(r.seatsLeft),
    }));
  }
}
