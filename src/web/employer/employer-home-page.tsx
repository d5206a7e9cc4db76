import type { EmployerDto } from '../../employers/dto/employer.dto';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { IndustryTag } from '../components/industry-tag';
import { kindLabel } from '../components/labels';

/** The company profile and its verification state. */
export function EmployerHomePage({ employer, regionName }: { employer: EmployerDto; regionName: string }) {
  const { t, user } = useWeb();
  return (
    <Layout title={t('employer.home.title')}>
      {user && <p class="greeting">{t('home.greeting', { name: user.name })}</p>}
      <h1>{employer.name}</h1>
      {employer.verified ? (
        <p class="notice">✓ {t('employer.verified')}</p>
      ) : employer.rejection ? (
        <div class="warning" role="alert">
          <p>{t('employer.rejected')}</p>
          <p>
            <strong>{employer.rejection.reason}</strong>
          </p>
          <p>{t('employer.rejectedFix')}</p>
        </div>
      ) : (
        <p class="warning">{t('employer.unverified')}</p>
      )}
      <dl class="summary">
        <dt>{t('employer.profile.creditCode')}</dt>
        <dd>{employer.creditCode}</dd>
        <dt>{t('employer.profile.kind')}</dt>
        <dd>{t(kindLabel(employer.kind))}</dd>
        <dt>{t('employer.profile.industry')}</dt>
        <dd>
          <IndustryTag industry={employer.industry} />
        </dd>
        <dt>{t('employer.profile.address')}</dt>
        <dd>
          {regionName} {employer.address}
        </dd>
      </dl>
      <p>
        <a class="button primary" href="/employer/postings/new">
          {t('employer.newPosting')}
        </a>
      </p>
      <p>
        <a class="button" href="/employer/postings">
          {t('employer.toPostings')}
        </a>
      </p>
    </Layout>
  );
}
