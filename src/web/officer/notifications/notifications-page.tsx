import { formatDateTime } from '../../../kernel/clock';
import type { Page } from '../../../kernel/pagination';
import type { NotificationDto } from '../../../notifications/dto/notification.dto';
import { ActionButton } from '../../components/form';
import { ItemList } from '../../components/item-list';
import { useWeb } from '../../render';
import { OfficerPage, Pager } from '../officer-layout';
import { officerNotificationHref } from './notification-link';

/** `/officer/notifications`: the inbox, unread first marked. */
export function NotificationsPage(props: { list: Page<NotificationDto> }) {
  const { t } = useWeb();
  const { list } = props;
  return (
    <OfficerPage title="officer.notifications.title">
      {list.items.some((n) => !n.readAt) && (
        <ActionButton action="/officer/notifications/read-all" text={t('officer.notifications.readAll')} />
      )}
      <ItemList items={list.items} class="queue" empty={t('officer.notifications.none')}>
        {(n) => (
          <li key={n.id} class={n.readAt ? undefined : 'unread'}>
            <h2 class="item-title">
              {!n.readAt && <span class="badge">{t('officer.notifications.new')}</span>} {n.title}
            </h2>
            <p>{n.body}</p>
            {officerNotificationHref(n) && (
              <p>
                <a href={officerNotificationHref(n)!}>{t('officer.notifications.open')}</a>
              </p>
            )}
            <p class="muted">{formatDateTime(n.createdAt)}</p>
          </li>
        )}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={(p) => `/officer/notifications?page=${p}`}
      />
    </OfficerPage>
  );
}
