import type { BatchDetailDto } from '../../programmes/cooperation/dto/cooperation.dto';
import { Layout } from '../components/layout';
import { useWeb } from '../render';

/**
 * GET /liaison: a partner city's liaison officer reads the batches naming them, and in each only
 * the members' names and work status (the API gives it nothing more).
 */
export function LiaisonHomePage({ batches }: { batches: BatchDetailDto[] }) {
  const { t } = useWeb();
  return (
    <Layout title={t('coop.liaison.title')}>
      <h1>{t('coop.liaison.title')}</h1>
      {batches.length === 0 && <p class="empty">{t('coop.liaison.none')}</p>}
      {batches.map((b) => (
        <section key={b.id} class="batch">
          <h2>{t('coop.batch.title', { city: b.partnerCity, date: b.departureOn })}</h2>
          <p>{t('coop.batch.members', { n: b.memberCount, arrived: b.arrivedCount })}</p>
          <ul>
            {b.members.map((m, i) => (
              <li key={i}>
                {m.name}：{t(`coop.work.${m.workStatus}`)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
