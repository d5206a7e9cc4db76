import type { Role } from '../../access/role';
import { Layout } from '../components/layout';
import type { MessageKey } from '../i18n/messages';
import { useWeb } from '../render';

type StaffRole = Exclude<Role, 'resident'>;

const TEXT: Record<StaffRole, { title: MessageKey; body: MessageKey }> = {
  employer: { title: 'roleHome.employer.title', body: 'roleHome.employer.body' },
  officer: { title: 'roleHome.officer.title', body: 'roleHome.officer.body' },
  provider: { title: 'roleHome.provider.title', body: 'roleHome.provider.body' },
  admin: { title: 'roleHome.admin.title', body: 'roleHome.admin.body' },
};

/** The landing page of employers, officers, providers and admins (feature pages fill it in). */
export function RoleHomePage({ role }: { role: StaffRole }) {
  const { t, user } = useWeb();
  const text = TEXT[role];
  return (
    <Layout title={t(text.title)}>
      {user && <p class="greeting">{t('home.greeting', { name: user.name })}</p>}
      <h1>{t(text.title)}</h1>
      <p>{t(text.body)}</p>
      {role === 'admin' && (
        <p>
          <a class="button" href="/admin/queues">
            {t('roleHome.admin.queues')}
          </a>
        </p>
      )}
      <p class="muted">{t('roleHome.soon')}</p>
    </Layout>
  );
}
