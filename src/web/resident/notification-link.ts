import type { NotificationDto } from '../../notifications/dto/notification.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v : null);

/**
 * The resident's page a notification is about. The payload's `link` is an API path, so the page
 * is chosen from the ids it carries: an application or a job alert opens the posting (which shows
 * the resident's application state and the way to answer), a course opens the recommendations
 * that list it. Only ids of the expected shape make a link: the payload never becomes a URL.
 */
export function notificationHref(n: Pick<NotificationDto, 'kind' | 'payload'>): string | null {
  const posting = id(n.payload.postingId);
  if (posting) return n.kind.startsWith('application.') ? `/jobs/${posting}#apply` : `/jobs/${posting}`;
  if (id(n.payload.applicationId)) return '/my/applications';
  if (id(n.payload.courseId) || n.kind.startsWith('enrollment.')) return '/my/recommendations';
  if (id(n.payload.placementId)) return '/my/applications';
  return null;
}
