import { bulkInsert, type Load } from './bulk-insert';
import type { Population } from './population-rows';

/* The training of a load: courses with their enrolled counts, sessions and enrolments. */

export async function writeCourses(load: Load, pop: Population): Promise<void> {
  const { m, batch, progress, now } = load;

  const seats = new Map<string, number>();
  for (const e of pop.enrollments) seats.set(e.courseId, (seats.get(e.courseId) ?? 0) + 1);
  await bulkInsert(
    m,
    'course',
    [
      ['id', 'uuid'],
      ['provider_user_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['skills', 'jsonb'],
      ['skill_codes', 'text[]'],
      ['certificate', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['capacity', 'int'],
      ['subsidized', 'bool'],
      ['subsidy_note', 'text'],
      ['enrolled_count', 'int'],
    ],
    pop.courses.map((c) => [
      c.id,
      c.providerUserId,
      c.title,
      c.description,
      c.skills,
      c.skills.map((s) => s.code),
      c.certificate,
      c.startDate,
      c.endDate,
      c.regionCode,
      c.address,
      c.latitude,
      c.longitude,
      c.capacity,
      c.subsidized,
      c.subsidyNote,
      seats.get(c.id) ?? 0,
    ]),
    batch,
  );
  await bulkInsert(
    m,
    'course_session',
    [
      ['id', 'uuid'],
      ['course_id', 'uuid'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['place', 'text'],
    ],
    pop.courses.flatMap((c) => c.sessions.map((s) => [s.id, c.id, s.startsAt, s.endsAt, s.place])),
    batch,
  );
  await bulkInsert(
    m,
    'enrollment',
    [
      ['id', 'uuid'],
      ['course_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['status', 'text'],
      ['history', 'jsonb'],
    ],
    pop.enrollments.map((e) => [
      e.id,
      e.courseId,
      e.residentId,
      'enrolled',
      [{ status: 'enrolled', at: now, by: e.enrolledBy }],
    ]),
    batch,
  );
  progress('course', pop.courses.length);
}
