import type { Skill } from '../skills/skill.entity';
import type { CourseDto, CourseSessionDto } from './dto/course.dto';
import type { CourseSession } from './course-session.entity';
import type { Course } from './course.entity';

/** The API shape of a course; skill names come from the taxonomy so clients need no second call. */
export function courseView(c: Course, skills: Map<string, Skill>, sessions?: CourseSession[]): CourseDto {
  const dto: CourseDto = {
    id: c.id,
    providerUserId: c.providerUserId,
    title: c.title,
    description: c.description,
    skills: c.skills.map((s) => ({
      code: s.code,
      level: s.level,
      nameZh: skills.get(s.code)?.nameZh,
      nameEn: skills.get(s.code)?.nameEn,
    })),
    certificate: c.certificate,
    startDate: c.startDate,
    endDate: c.endDate,
    regionCode: c.regionCode,
    address: c.address,
    latitude: c.latitude,
    longitude: c.longitude,
    capacity: c.capacity,
    enrolledCount: c.enrolledCount,
    seatsLeft: Math.max(0, c.capacity - c.enrolledCount),
    subsidized: c.subsidized,
    subsidyNote: c.subsidyNote,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
  if (sessions) dto.sessions = sessions.map(sessionView);
  return dto;
}

export function sessionView(s: CourseSession): CourseSessionDto {
  return {
    id: s.id,
    courseId: s.courseId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: s.place,
  };
}
