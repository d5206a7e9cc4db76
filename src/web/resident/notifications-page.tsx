import { formatDateTime } from '../../kernel/clock';
import type { NotificationDto } from '../../notifications/dto/notification.dto';
import { Form } from '../components/form';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { Pager } from './job-item';
import { notificationHref } from './notification-link';

export interface NotificationsPageProps {
  items: NotificationDto[];
  page: number;
  pageSize: number;
  total: number;
}

/** GET /my/notifications: newest first; unread ones marked, each with a mark-read button. */
export function NotificationsPage({ items, page, pageSize, total }: NotificationsPageProps) {
  const { t } = useWeb();
  const unread = items.some((n) => !n.readAt);
  return (
    <Layout title={t('resident.notes.title')}>
      <h1>{t('resident.notes.title')}</h1>
      {unread && (
        <Form action="/my/notifications/read-all">
          <button type="submit" class="button">
            {t('resident.notes.markAll')}
          </button>
        </Form>
      )}
      {items.length ? (
        <ul class="cards">
          {items.map((n) => (
            <li class={n.readAt ? 'card' : 'card unread'} key={n.id}>
              <h2 class="h3">
                {!n.readAt && <span class="badge">{t('resident.notes.unread')}</span>} {n.title}
              </h2>
              <p class="description">{n.body}</p>
              <p class="muted">{formatDateTime(n.createdAt)}</p>
              {notificationHref(n) && (
                <p>
                  <a
                    class="button"
                    href={notificationHref(n)!}
                    aria-label={`${t('resident.notes.open')}：${n.title}`}
                  >
                    {t('resident.notes.open')}
                  </a>
                </p>
              )}
              {!n.readAt && (
                <Form action={`/my/notifications/${n.id}/read`}>
                  <button type="submit" class="button small">
                    {t('resident.notes.markRead')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('resident.notes.none')}</p>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => `/my/notifications?page=${n}`} />
    </Layout>
  );
}
