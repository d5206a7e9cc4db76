import { Layout } from '../../components/layout';
import type { MessageKey } from '../../../i18n/web/messages';
import { useWeb } from '../../render';

const PROGRAMMES: { href: string; label: MessageKey; hint: MessageKey }[] = [
  { href: '/officer/programmes/workshops', label: 'programmes.workshops', hint: 'programmes.workshops.hint' },
  { href: '/officer/programmes/subsidies', label: 'programmes.subsidies', hint: 'programmes.subsidies.hint' },
  {
    href: '/officer/programmes/cooperation',
    label: 'programmes.cooperation',
    hint: 'programmes.cooperation.hint',
  },
];

/** GET /officer/programmes: the menu's one entry 「帮扶项目」, opening the three registers (issue 17). */
export function ProgrammesHubPage() {
  const { t } = useWeb();
  return (
    <Layout title={t('programmes.title')}>
      <h1>{t('programmes.title')}</h1>
      <p class="lead">{t('programmes.lead')}</p>
      <ul class="cards" id="programmes">
        {PROGRAMMES.map((p) => (
          <li key={p.href} class="card">
            <h2>
              <a href={p.href}>{t(p.label)}</a>
            </h2>
            <p>{t(p.hint)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
