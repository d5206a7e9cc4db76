import type { CaseDto } from '../../../casework/dto/case.dto';
import type { CaseFigures } from '../../../casework/case-figures';
import { caseWords } from '../../../i18n/casework-vocabulary';
import { Layout } from '../../components/layout';
import { useWeb } from '../../render';
import { caseClockLabel } from './case-clock-label';
import { caseHouseholdName } from './case-household-name';
import { counted } from '../../../i18n/web/i18n';

/** The next due date of a case: first contact until made, then clearing. */
export function dueOf(c: Pick<CaseDto, 'firstContactOn' | 'firstContactDueOn' | 'clearDueOn'>): string {
  return c.firstContactOn ? c.clearDueOn : c.firstContactDueOn;
}

export interface QueueFilter {
  overdueOnly: boolean;
  /** Closed, employed and stabilised cases too (the dashboard's median and share are over them). */
  all: boolean;
  siteId?: string;
  originRegionCode?: string;
}

/** The queue's address with the same site or township filter and the given flags. */
export function queueHref(f: QueueFilter, flags: { overdue?: boolean; all?: boolean } = {}): string {
  const p = new URLSearchParams();
  if (f.siteId) p.set('siteId', f.siteId);
  if (f.originRegionCode) p.set('originRegionCode', f.originRegionCode);
  if (flags.overdue) p.set('overdue', 'true');
  if (flags.all) p.set('all', 'true');
  const qs = p.toString();
  return qs ? `/officer/cases?${qs}` : '/officer/cases';
}

/**
 * GET /officer/cases: the work queue of zero-employment households nobody is at work in yet,
 * the nearest due date first, each with its clock. Plain links and a GET filter: no JavaScript.
 */
export function CasesQueuePage(props: {
  cases: CaseDto[];
  total: number;
  today: string;
  filter: QueueFilter;
  figures: CaseFigures;
}) {
  const { t, lang } = useWeb();
  const words = caseWords(lang);
  const f = props.figures;
  const filter = props.filter;
  const narrowed = !!(filter.siteId || filter.originRegionCode);
  const scope = !narrowed
    ? ''
    : filter.siteId
      ? t('officer.cases.filter.site')
      : t('officer.cases.filter.township', { code: filter.originRegionCode ?? '' });
  return (
    <Layout title={t('officer.cases.title')}>
      <h1>{t('officer.cases.title')}</h1>
      <ul class="figures" id="case-figures">
        <li>
          <a href="/officer/cases">{t('officer.cases.toClear', { n: f.open })}</a>
        </li>
        <li>
          <a href="/officer/cases?overdue=true">{t('officer.cases.overdue', { n: f.overdue })}</a>
        </li>
        <li>
          {t('officer.cases.medianContact', {
            value:
              f.medianWorkingDaysToFirstContact === null
                ? '—'
                : counted(t, 'officer.cases.workingDays', f.medianWorkingDaysToFirstContact),
          })}
        </li>
        <li>
          {t('officer.cases.clearedOnTime', {
            value: f.clearedWithinDeadline === null ? '—' : `${Math.round(f.clearedWithinDeadline * 100)}%`,
          })}
        </li>
        <li>
          <a href="/officer/cases/dashboard">{t('officer.cases.dashboardLink')}</a>
        </li>
      </ul>
      <p id="case-list-filter">
        {t('officer.cases.filter.total', {
          scope,
          all: filter.all ? t('officer.cases.filter.all') : '',
          n: props.total,
        })}
        {filter.overdueOnly ? (
          <a href={queueHref(filter)}>{t('officer.cases.filter.showAll')}</a>
        ) : (
          <a href={queueHref(filter, { overdue: true })}>{t('officer.cases.filter.overdueOnly')}</a>
        )}
        {narrowed || filter.all ? (
          <>
            {' '}
            <a href="/officer/cases">{t('officer.cases.filter.clear')}</a>
          </>
        ) : null}
      </p>
      {props.cases.length === 0 ? (
        <p class="empty">{t('officer.cases.none')}</p>
      ) : (
        <ul class="cards" id="case-queue">
          {props.cases.map((c) => {
            const clock = caseClockLabel(dueOf(c), props.today, t);
            const served = (
              [
                ['policy_briefing', c.services.policyBriefing],
                ['guidance', c.services.guidance],
                ['referral', c.services.referrals],
                ['training_offer', c.services.trainingOffers],
              ] as const
            ).map(([kind, n]) => t('officer.cases.servedItem', { service: words.action[kind], n }));
            return (
              <li key={c.id} class="card">
                <p>
                  <a href={`/officer/cases/${c.id}`}>{caseHouseholdName(c, t)}</a> ·{' '}
                  {words.status[c.status]}
                </p>
                {c.status === 'open' || c.status === 'assisting' ? (
                  <p class={clock.overdue ? 'warning' : undefined}>
                    {t('officer.cases.due', {
                      deadline: words.deadline[c.firstContactOn ? 'clear' : 'first_contact'],
                      date: dueOf(c),
                    })}
                    <strong>{clock.text}</strong>
                  </p>
                ) : (
                  <p>
                    {t('officer.cases.closedDates', {
                      contact: c.firstContactOn ?? '—',
                      clearDue: c.clearDueOn,
                    })}
                  </p>
                )}
                <p>{t('officer.cases.served', { list: served.join(' · ') })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
