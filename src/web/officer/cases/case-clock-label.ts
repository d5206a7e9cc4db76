import { addCalendarDays, workingDaysBetween } from '../../../casework/working-days';
import { counted, type Translate } from '../../../i18n/web/i18n';

/**
 * The clock an officer reads on a case: working days left to the next due date
 * (「还剩 1 个工作日」, 「今天到期」) or calendar days past it (「已超期 2 天」).
 */
export function caseClockLabel(
  dueOn: string,
  today: string,
  t: Translate,
): { text: string; overdue: boolean } {
  if (today > dueOn) {
    let days = 0;
    for (let d = dueOn; d < today; d = addCalendarDays(d, 1)) days += 1;
    return { text: counted(t, 'officer.cases.clock.late', days), overdue: true };
  }
  const left = workingDaysBetween(today, dueOn);
  return {
    text: left === 0 ? t('officer.cases.clock.today') : counted(t, 'officer.cases.clock.left', left),
    overdue: false,
  };
}
