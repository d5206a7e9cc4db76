import type { NotificationDto } from '../../../notifications/dto/notification.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v : null);

/**
 * The officer's page a notification is about (issue 13 point 3: every notification links to its
 * object). Chosen from the ids the payload carries, most specific first; only ids of the expected
 * shape make a link, so the payload never becomes a URL of its own.
 */
export function officerNotificationHref(n: Pick<NotificationDto, 'kind' | 'payload'>): string | null {
  const p = n.payload;
  const caseId = id(p.caseId);
  if (caseId) return `/officer/cases/${caseId}`;
  const workshop = id(p.workshopId);
  if (workshop) return `/officer/programmes/workshops/${workshop}`;
  const posting = id(p.postingId);
  if (n.kind === 'match.posting_ranked' && posting) {
    const site = id(p.siteId);
    return `/officer/matches?${site ? `siteId=${site}&` : ''}postingId=${posting}`;
  }
  const household = id(p.householdId);
  if (household) return `/officer/households/${household}`;
  const resident = id(p.residentId);
  if (resident) return `/officer/residents/${resident}`;
  if (id(p.placementId)) return '/officer/placements';
  return null;
}
