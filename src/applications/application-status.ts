/** The values on the wire (API.md "Enumerations"). */
export const APPLICATION_STATUSES = [
  'invited',
  'applied',
  'viewed',
  'interview',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
  'declined',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_SOURCES = ['self', 'officer_referral', 'employer_invitation'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/**
 * Who moves an application: the employer of the posting, or the resident (accept or decline an
 * invitation, withdraw an application). An officer acting for a resident moves as the resident.
 */
export type TransitionActor = 'employer' | 'resident';

const FINAL: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn', 'declined'];

/**
 * While an application is in one of these the resident has not (or no longer) agreed to be a
 * candidate: the employer sees the masked candidate only, never a name or a phone.
 */
export const WITHOUT_CONSENT: readonly ApplicationStatus[] = ['invited', 'declined', 'withdrawn'];

/**
 * One (posting, resident) may hold one application in these; a withdrawn or declined one leaves
 * room for a new application (history keeps both rows). The partial unique index
 * uq_application_posting_resident is written with the same list.
 */
export const CLOSED_FOR_UNIQUENESS: readonly ApplicationStatus[] = ['withdrawn', 'declined'];

/*
 * The employer's pipeline: applied → viewed → interview → offered → hired. `viewed` may be
 * skipped (an employer who calls the applicant straight away invites them to an interview),
 * every other step is taken in order. Any state after applied that is not final may be rejected
 * by the employer or withdrawn by the resident. An invitation is the employer's offer to the
 * resident: only the resident answers it (invited → applied to accept, → declined to refuse);
 * the employer cannot push it down the pipeline. hired, rejected, withdrawn and declined are final.
 */
const EMPLOYER_NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  invited: [],
  applied: ['viewed', 'interview', 'rejected'],
  viewed: ['interview', 'rejected'],
  interview: ['offered', 'rejected'],
  offered: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
  declined: [],
};

const RESIDENT_NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  invited: ['applied', 'declined'],
  applied: ['withdrawn'],
  viewed: ['withdrawn'],
  interview: ['withdrawn'],
  offered: ['withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
  declined: [],
};

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL.includes(status);
}

export function canTransition(
  actor: TransitionActor,
  from: ApplicationStatus,
  to: ApplicationStatus,
): boolean {
  switch (actor) {
    case 'employer':
      return EMPLOYER_NEXT[from].includes(to);
    case 'resident':
      return RESIDENT_NEXT[from].includes(to);
  }
}

/** Moves that are the resident's to make (an officer makes them on the resident's behalf). */
export function isResidentMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return RESIDENT_NEXT[from].includes(to);
}
