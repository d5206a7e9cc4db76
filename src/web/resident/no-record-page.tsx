import { Layout } from '../components/layout';
import { useWeb } from '../render';

/** A resident account without a resident record (not linked yet): say whom to ask. */
export function NoRecordPage({
  title,
}: {
  title: 'resident.forMe.title' | 'resident.apps.title' | 'resident.profile.title';
}) {
  const { t } = useWeb();
  return (
    <Layout title={t(title)}>
      <h1>{t(title)}</h1>
      <p class="empty">{t('resident.noRecord')}</p>
      <p>
        <a href="/account/link">{t('register.link.prompt')}</a>
      </p>
    </Layout>
  );
}
