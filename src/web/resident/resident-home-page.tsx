import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { type JobItemView } from './job-item';
import { type JobsParams } from './jobs-search';
import { SitePicker, JobList, SearchForm, type SitePickerProps } from './job-search-parts';

export interface ResidentHomeProps {
  siteName?: string | null;
  jobs: JobItemView[];
  /** Visitors only: pick a site to see distances. */
  picker?: SitePickerProps;
}

/** `/`: "is there work for me near home?" Residents: jobs near their site; guests: search + latest. */
export function ResidentHomePage({ siteName, jobs, picker }: ResidentHomeProps) {
  const { t, user } = useWeb();
  const blank: JobsParams = { q: '', shuttle: false, accommodation: false, near: true, page: 1 };
  if (!user) {
    return (
      <Layout title={t('home.title')}>
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.guestIntro')}</p>
        <p>
          <a class="button primary" href="/login">
            {t('home.guestCta')}
          </a>
        </p>
        <p>
          <a class="button" href="/register">
            {t('home.guestRegister')}
          </a>
        </p>
        <SearchForm p={blank} />
        {picker && <SitePicker {...picker} action="/" />}
        <h2>{t('jobs.latest')}</h2>
        {jobs.length ? <JobList jobs={jobs} /> : <p class="empty">{t('home.noJobs')}</p>}
        {jobs.length > 0 && (
          <p>
            <a class="button" href="/jobs">
              {t('jobs.seeAll')}
            </a>
          </p>
        )}
      </Layout>
    );
  }
  return (
    <Layout title={t('home.title')}>
      <p class="greeting">{t('home.greeting', { name: user.name })}</p>
      <h1>{t('home.title')}</h1>
      <SearchForm p={blank} />
      <h2>{siteName ? t('home.nearSite', { site: siteName }) : t('home.intro')}</h2>
      {jobs.length ? <JobList jobs={jobs} /> : <p class="empty">{t('home.noJobs')}</p>}
      <p>
        <a class="button" href="/jobs">
          {t('jobs.seeAll')}
        </a>
      </p>
    </Layout>
  );
}
