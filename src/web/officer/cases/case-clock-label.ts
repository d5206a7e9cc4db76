import { addCalendarDays, workingDaysBetween } from '../../../casework/working-days';

/**
 * The clock an officer reads on a case: working days left to the next due date
 * (「还剩 1 个工作日」, 「今天到期」) or calendar days past it (「已超期 2 天」).
 */
export function caseClockLabel(dueOn: string, today: string): { text: string; overdue: boolean } {
  if (today > dueOn) {
    let days = 0;
    for (let d = dueOn; d < today; d = addCalendarDays(d, 1)) days += 1;
    return { text: `已超期 ${days} 天`, overdue: true };
  }
  const left = workingDaysBetween(today, dueOn);
  return { text: left === 0 ? '今天到期' : `还剩 ${left} 个工作日`, overdue: false };
}
