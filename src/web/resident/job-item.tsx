import type { Industry, Schedule, WageUnit } from '../../common/domain-enums';
import { wageText } from '../components/job-card';
import { useWeb } from '../render';
import { INDUSTRY_ICON, industryLabel, scheduleLabel } from './labels';

/** What a job card shows (a search result, a recommendation, a posting). */
export interface JobItemView {
  id: string;
  title: string;
  employerName: string;
  industry: Industry;
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  schedule: Schedule;
  shuttle: boolean;
  accommodation: boolean;
  meals: boolean;
  distanceKm?: number | null;
}

/** The industry's icon and word, side by side (the icon is decoration). */
export function IndustryTag({ industry }: { industry: Industry }) {
  const { t } = useWeb();
  return (
    <span class="industry">
      <span class="ico" aria-hidden="true">
        {INDUSTRY_ICON[industry]}
      </span>
      {t(industryLabel(industry))}
    </span>
  );
}

/**
 * One job in a list: industry icon, title, wage in plain words (每天 120–180 元), distance from
 * the resident's site, shuttle / housing / meals badges, and one big button to the posting.
 * `reason` is a match's one-line "why".
 */
export function JobItem({ job, reason }: { job: JobItemView; reason?: string }) {
  const { t } = useWeb();
  return (
    <li class="card job">
      <p class="kicker">
        <IndustryTag industry={job.industry} /> · {t(scheduleLabel(job.schedule))}
      </p>
      <h3>
        <a href={`/jobs/${job.id}`}>{job.title}</a>
      </h3>
      {job.employerName && <p class="muted">{job.employerName}</p>}
      <p class="wage">{wageText(t, job.wageMin, job.wageMax, job.wageUnit)}</p>
      {reason && <p class="reason">{t('resident.forMe.why', { reason })}</p>}
      <ul class="facts">
        {job.distanceKm != null && <li>{t('home.distance', { km: job.distanceKm.toFixed(1) })}</li>}
        {job.shuttle && <li class="yes">{t('home.shuttle')}</li>}
        {job.accommodation && <li class="yes">{t('home.accommodation')}</li>}
        {job.meals && <li class="yes">{t('home.meals')}</li>}
      </ul>
      <a
        class="button primary"
        href={`/jobs/${job.id}#apply`}
        aria-label={`${t('home.apply')}：${job.title}`}
      >
        {t('home.apply')}
      </a>
    </li>
  );
}

/** Previous / next links for a paged list (`href(n)` builds the URL of page n). */
export function Pager(props: { page: number; pageSize: number; total: number; href: (n: number) => string }) {
  const { t } = useWeb();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('jobs.pageOf', { page: props.page, pages })}>
      {props.page > 1 && (
        <a class="button" href={props.href(props.page - 1)} rel="prev">
          {t('jobs.prev')}
        </a>
      )}
      <span>{t('jobs.pageOf', { page: props.page, pages })}</span>
      {props.page < pages && (
        <a class="button" href={props.href(props.page + 1)} rel="next">
          {t('jobs.next')}
        </a>
      )}
    </nav>
  );
}
