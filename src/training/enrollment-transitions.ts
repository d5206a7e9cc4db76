import type { EnrollmentStatus } from './enrollment.entity';

/*
 * The enrolment state machine (DESIGN.md "Domain": enrolled → attending → completed | dropped).
 * enrolled → completed is allowed too: short courses (a one-day health-certificate class) have
 * no separate attendance step, and forcing one would only add a click for the provider.
 * completed and dropped are final; a dropped resident enrols again with a new enrolment.
 */
const NEXT: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  enrolled: ['attending', 'completed', 'dropped'],
  attending: ['completed', 'dropped'],
  completed: [],
  dropped: [],
};

export function canTransition(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses that hold a seat in the course. */
export const SEAT_HOLDING: readonly EnrollmentStatus[] = ['enrolled', 'attending', 'completed'];
