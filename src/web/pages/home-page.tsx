import { JobCard, type JobCardView } from '../components/job-card';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

export interface HomePageProps {
  /** The resident's site, when known. */
  siteName?: string | null;
  jobs: JobCardView[];
}

/** A resident's first screen: is there work for me near home? Guests get the way in. */
export function HomePage({ siteName, jobs }: HomePageProps) {
  const { t, user } = useWeb();
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
      </Layout>
    );
  }
  return (
    <Layout title={t('home.title')}>
      <p class="greeting">{t('home.greeting', { name: user.name })}</p>
      <h1>{t('home.title')}</h1>
      <h2>{siteName ? t('home.nearSite', { site: siteName }) : t('home.intro')}</h2>
      {jobs.length ? (
        <ul class="cards">
          {jobs.map((j) => (
            <JobCard key={j.id} job={j} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t('home.noJobs')}</p>
      )}
    </Layout>
  );
}
