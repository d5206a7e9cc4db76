import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { Pager, type JobItemView } from './job-item';
import { jobsHref, type JobsParams } from './jobs-search';
import {
  SitePicker,
  JobList,
  SearchForm,
  FilterChips,
  type NearSite,
  type SitePickerProps,
} from './job-search-parts';

export interface JobsPageProps {
  params: JobsParams;
  site?: NearSite | null;
  /** Visitors only: pick a site to see distances. */
  picker?: SitePickerProps;
  jobs: JobItemView[];
  total: number;
  pageSize: number;
}

/** GET /jobs: the Chinese (and pinyin) search with filter chips, near the resident's site by default. */
export function JobsPage({ params, site, picker, jobs, total, pageSize }: JobsPageProps) {
  const { t } = useWeb();
  return (
    <Layout title={t('jobs.title')}>
      <h1>{t('jobs.title')}</h1>
      <SearchForm p={params} />
      <FilterChips p={params} site={site} bands={!!site || !!picker?.chosen} />
      {picker && <SitePicker {...picker} action="/jobs" />}
      {(site || picker?.chosen) && (params.travel || (site && params.near)) && (
        <p class="muted">
          {t('jobs.travel.within', {
            site: (site ?? picker!.chosen!).name,
            n: params.travel ?? site!.minutes,
          })}
        </p>
      )}
      <h2 aria-live="polite">{t('jobs.found', { n: total })}</h2>
      {jobs.length ? <JobList jobs={jobs} /> : <p class="empty">{t('jobs.none')}</p>}
      <Pager
        page={params.page}
        pageSize={pageSize}
        total={total}
        href={(n) => jobsHref(params, { page: n })}
      />
    </Layout>
  );
}
