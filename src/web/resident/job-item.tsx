import type { Industry, Schedule, WageUnit } from '../../kernel/domain-enums';
import { wageText } from '../components/job-card';
import { TravelFact, travelWords, type TravelView } from '../components/travel-line';
import { useWeb } from '../render';
import { IndustryTag } from '../components/industry-tag';
import { scheduleLabel } from '../components/labels';

/** What a job card shows (a search result, a recommendation, a posting). */
export interface JobItemView extends TravelView {
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
  /** The workplace was not located: distanceKm is to a stand-in (the employer's location). */
  locationApproximate?: boolean;
  /** Day and hour wages: about a month of it (PostingDto.monthlyWageMin/Max). */
  monthlyWageMin?: number;
  monthlyWageMax?: number;
  /** A visitor's chosen site: the distance names it (「离 X 安置点 N 公里」). */
  siteName?: string;
}

type Translate = ReturnType<typeof useWeb>['t'];

/**
 * 「约每月 6160–7480 元」 beside a day or hour wage (the search's 「工资至少」 compares this), or
 * nothing for a monthly or piece wage.
 */
export function monthlyText(t: Translate, job: Pick<JobItemView, 'monthlyWageMin' | 'monthlyWageMax'>) {
  if (job.monthlyWageMax == null) return null;
  const lo = job.monthlyWageMin ?? job.monthlyWageMax;
  const amount = lo === job.monthlyWageMax ? String(lo) : `${lo}–${job.monthlyWageMax}`;
  return t('jobs.monthlyAbout', { amount });
}

/**
 * Distance from the resident's site in words. An unlocated workplace is 「约 X 公里」 (whole km,
 * at least 1), and 「距离未知」 when its stand-in lies at the site itself: that 0 km says nothing.
 */
export function distanceText(
  t: Translate,
  km: number | null | undefined,
  approximate: boolean | undefined,
  siteName?: string,
): string | null {
  if (km == null) return null;
  if (!approximate && siteName) return t('jobs.distanceFromSite', { site: siteName, km: km.toFixed(1) });
  if (!approximate) return t('home.distance', { km: km.toFixed(1) });
  if (km < 0.5) return t('jobs.distanceUnknown');
  return t('jobs.distanceAbout', { km: String(Math.max(1, Math.round(km))) });
}

/**
 * How to get there from the resident's (or the visitor's chosen) site: the band and the way
 * (「30 分钟以内 · 坐班车约 25 分钟」); the distance in km only where no trip is known at all.
 */
export function JobTravel({ job }: { job: JobItemView }) {
  const { t, lang } = useWeb();
  const words = travelWords(lang, job, (km) => t('jobs.distanceAbout', { km: String(km) }));
  if (words) {
    return (
      <TravelFact
        words={words}
        from={job.siteName ? t('jobs.travel.from', { site: job.siteName }) : undefined}
      />
    );
  }
  if (job.distanceKm == null) return null;
  return <li>{distanceText(t, job.distanceKm, job.locationApproximate, job.siteName)}</li>;
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
      <p class="wage">
        {wageText(t, job.wageMin, job.wageMax, job.wageUnit)}
        {monthlyText(t, job) && <span class="muted">（{monthlyText(t, job)}）</span>}
      </p>
      {reason && <p class="reason">{t('resident.forMe.why', { reason })}</p>}
      <ul class="facts">
        <JobTravel job={job} />
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
