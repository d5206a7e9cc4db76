import type { WageUnit } from '../../kernel/domain-enums';
import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';
import type { Translate } from '../../i18n/web/i18n';
import { TravelFact, travelWords, type TravelView } from './travel-line';

/** What a job card shows; the postings search result maps onto it. */
export interface JobCardView extends TravelView {
  id: string;
  title: string;
  employerName?: string | null;
  wageMin?: number | null;
  wageMax?: number | null;
  wageUnit?: WageUnit | null;
  shuttle?: boolean;
  accommodation?: boolean;
  meals?: boolean;
  headcount?: number | null;
}

const RANGE: Record<WageUnit, MessageKey> = {
  month: 'wage.month',
  day: 'wage.day',
  hour: 'wage.hour',
  piece: 'wage.piece',
};
const ONE: Record<WageUnit, MessageKey> = {
  month: 'wage.monthOne',
  day: 'wage.dayOne',
  hour: 'wage.hourOne',
  piece: 'wage.pieceOne',
};

/** The wage in plain words and digits: 每天 120–180 元. */
export function wageText(
  t: Translate,
  min?: number | null,
  max?: number | null,
  unit?: WageUnit | null,
): string {
  if (!unit || (min == null && max == null)) return t('wage.negotiable');
  const lo = min ?? max!;
  const hi = max ?? min!;
  if (lo === hi) return t(ONE[unit], { min: lo });
  return t(RANGE[unit], { min: lo, max: hi });
}

/**
 * One job in a list: title, wage, how long it takes from the site (the band and the way, 「30 分钟以内 ·
 * 坐班车约 25 分钟」; km only where no trip is known), shuttle/housing/meals, and a big apply button.
 */
export function JobCard({ job, applyHref }: { job: JobCardView; applyHref?: string }) {
  const { t, lang } = useWeb();
  const travel = travelWords(lang, job, (km) => t('jobs.distanceAbout', { km: String(km) }));
  return (
    <li class="card job">
      <h3>
        <a href={`/jobs/${job.id}`}>{job.title}</a>
      </h3>
      {job.employerName && <p class="muted">{job.employerName}</p>}
      <p class="wage">{wageText(t, job.wageMin, job.wageMax, job.wageUnit)}</p>
      <ul class="facts">
        {travel ? (
          <TravelFact words={travel} />
        ) : (
          job.distanceKm != null && <li>{t('home.distance', { km: job.distanceKm.toFixed(1) })}</li>
        )}
        {job.shuttle && <li>{t('home.shuttle')}</li>}
        {job.accommodation && <li>{t('home.accommodation')}</li>}
        {job.meals && <li>{t('home.meals')}</li>}
        {job.headcount != null && <li>{t('home.headcount', { n: job.headcount })}</li>}
      </ul>
      <a class="button primary" href={applyHref ?? `/jobs/${job.id}#apply`}>
        {t('home.apply')}
      </a>
    </li>
  );
}
