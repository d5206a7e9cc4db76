import { workingDaysBetween } from './working-days';

export interface CaseFigures {
  open: number;
  overdue: number;
  /** Median working days from recognition to the first contact; null before any contact. */
  medianWorkingDaysToFirstContact: number | null;
  /** Of the cases whose clearing date has come (or that were cleared), the share cleared by it; null when none. */
  clearedWithinDeadline: number | null;
  /** The cases the median is over (contacted). */
  contacted: number;
  /** The cases the share is over (clearing date passed, or cleared). */
  judged: number;
}

/** The queue's figures (issue 15 item 4), from the cases' dates. */
export function caseFigures(
  rows: {
    status: string;
    overdue: boolean;
    openedOn: string;
    firstContactOn: string | null;
    clearDueOn: string;
    employedOn: string | null;
  }[],
  today: string,
): CaseFigures {
  const active = rows.filter((r) => r.status === 'open' || r.status === 'assisting');
  const waits = rows
    .filter((r) => r.firstContactOn)
    .map((r) => workingDaysBetween(r.openedOn, r.firstContactOn!))
    .sort((a, b) => a - b);
  const mid = Math.floor(waits.length / 2);
  const median =
    waits.length === 0 ? null : waits.length % 2 ? waits[mid] : (waits[mid - 1] + waits[mid]) / 2;
  const judged = rows.filter((r) => r.employedOn || r.clearDueOn < today);
  const inTime = judged.filter((r) => r.employedOn && r.employedOn <= r.clearDueOn).length;
  return {
    open: active.length,
    overdue: active.filter((r) => r.overdue).length,
    medianWorkingDaysToFirstContact: median,
    clearedWithinDeadline: judged.length ? inTime / judged.length : null,
    contacted: waits.length,
    judged: judged.length,
  };
}
