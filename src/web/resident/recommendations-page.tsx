import type { RecommendedCourseDto } from '../../matching/dto/match.dto';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { JobItem, type JobItemView } from './job-item';

export interface RecommendationsPageProps {
  jobs: { job: JobItemView; reason: string }[];
  courses: RecommendedCourseDto[];
}

/** GET /my/recommendations: jobs for you, each with its reason; courses that open more jobs. */
export function RecommendationsPage({ jobs, courses }: RecommendationsPageProps) {
  const { t } = useWeb();
  return (
    <Layout title={t('resident.forMe.title')}>
      <h1>{t('resident.forMe.title')}</h1>
      <p>{t('resident.forMe.intro')}</p>
      <h2>{t('resident.forMe.jobs')}</h2>
      {jobs.length ? (
        <ul class="cards">
          {jobs.map(({ job, reason }) => (
            <JobItem key={job.id} job={job} reason={reason} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t('resident.forMe.none')}</p>
      )}
      <h2>{t('resident.forMe.courses')}</h2>
      {courses.length ? (
        <ul class="cards">
          {courses.map((c) => (
            <li class="card" key={c.courseId}>
              <h3>
                <span class="ico" aria-hidden="true">
                  📘
                </span>
                {c.title}
              </h3>
              <p class="reason">{c.reason}</p>
              <p class="muted">{t('resident.forMe.courseStarts', { date: c.startDate })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('resident.forMe.noCourses')}</p>
      )}
    </Layout>
  );
}
