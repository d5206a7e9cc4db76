import { Layout } from '../components/layout';
import { useWeb } from '../render';

export interface AccountPageProps {
  maskedPhone: string;
  siteName?: string | null;
}

/** Who am I signed in as: name, role, masked phone, scope for staff. */
export function AccountPage({ maskedPhone, siteName }: AccountPageProps) {
  const { t, user } = useWeb();
  if (!user) return null;
  const staff = user.role === 'officer' || user.role === 'admin' || user.role === 'provider';
  return (
    <Layout title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <dl class="summary">
        <dt>{t('field.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt>{t('account.phone')}</dt>
        <dd>{maskedPhone}</dd>
        {siteName && (
          <>
            <dt>{t('account.site')}</dt>
            <dd>{siteName}</dd>
          </>
        )}
        {staff && (
          <>
            <dt>{t('account.scope')}</dt>
            <dd>
              {t('account.scopeSites', { n: user.scope.siteIds.length })} ·{' '}
              {t('account.scopeRegions', { n: user.scope.regionCodes.length })}
            </dd>
          </>
        )}
      </dl>
    </Layout>
  );
}
