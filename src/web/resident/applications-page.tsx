import { isFinal } from '../../applications/application-status';
import type { ApplicationDto } from '../../applications/dto/application.dto';
import { formatDate } from '../../kernel/clock';
import { Form } from '../components/form';
import { type DoneMessages, useDoneNotice } from '../components/done-notice';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { Pager } from './job-item';
import { statusLabel } from '../components/labels';

export interface ApplicationsPageProps {
  items: ApplicationDto[];
  page: number;
  pageSize: number;
  total: number;
}

/** The confirmations of 我的报名's actions (`?done=`, components/done-notice.ts). */
export const RESIDENT_APPS_DONE: DoneMessages = {
  withdrawn: 'resident.apps.withdrawn',
  refused: 'resident.apps.cannotWithdraw',
  accepted: 'resident.apps.accepted',
  declined: 'resident.apps.declined',
  unanswerable: 'resident.apps.cannotAnswer',
};

/**
 * GET /my/applications: each application's status in plain words, and a withdraw button; an
 * invitation has 接受 / 不了 instead (plain forms: they work without JavaScript).
 */
export function ApplicationsPage({ items, page, pageSize, total }: ApplicationsPageProps) {
  const { t } = useWeb();
  const notice = useDoneNotice(RESIDENT_APPS_DONE);
  return (
    <Layout title={t('resident.apps.title')} notice={notice}>
      <h1>{t('resident.apps.title')}</h1>
      {items.length ? (
        <ul class="cards">
          {items.map((a) => (
            <li class="card" key={a.id}>
              <h2 class="h3">
                <a href={`/jobs/${a.postingId}`}>{a.postingTitle}</a>
              </h2>
              <p class={`status status-${a.status}`}>{t(statusLabel(a.status))}</p>
              <p class="muted">{t('resident.apps.since', { date: formatDate(a.createdAt) })}</p>
              {a.status === 'invited' ? (
                <>
                  <p>{t('resident.apps.invitation')}</p>
                  <div class="actions">
                    <Form action={`/my/applications/${a.id}/accept`}>
                      <button type="submit" class="button primary">
                        {t('resident.apps.accept')}
                      </button>
                    </Form>
                    <Form action={`/my/applications/${a.id}/decline`}>
                      <button type="submit" class="button">
                        {t('resident.apps.decline')}
                      </button>
                    </Form>
                  </div>
                </>
              ) : (
                !isFinal(a.status) && (
                  // Asks first, without JavaScript: the real withdraw is the second tap.
                  <details class="confirm">
                    <summary class="button">{t('resident.apps.withdraw')}</summary>
                    <p>{t('resident.apps.withdrawAsk', { title: a.postingTitle })}</p>
                    <Form action={`/my/applications/${a.id}/withdraw`}>
                      <button type="submit" class="button danger">
                        {t('resident.apps.withdrawConfirm')}
                      </button>
                    </Form>
                    <p class="muted">{t('resident.apps.withdrawKeep')}</p>
                  </details>
                )
              )}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p class="empty">{t('resident.apps.none')}</p>
          <p>
            <a class="button primary" href="/jobs">
              {t('resident.apps.findJobs')}
            </a>
          </p>
        </>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => `/my/applications?page=${n}`} />
    </Layout>
  );
}
