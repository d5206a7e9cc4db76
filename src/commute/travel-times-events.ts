import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../platform/database/outbox.service';
import type { RecordedTrip } from './travel-trip';

/** Where a recorded row applies (CommutePlanner.applies): the part of a row that picks the postings it covers. */
export interface TripPlace {
  destinationRegionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  employerId: string | null;
}

/**
 * The outbox row of a change to a site's travel-times table (issue 16: a new trip is not left to the
 * nightly re-rank), written in the transaction of the change. The payload names the places of every
 * row written or removed — a removed row cannot be read again — so the matching side re-ranks the
 * open postings that any of them applies to (matching/jobs/rerank-site-trips.job.ts): a posting none
 * of them applies to has the same trips from the site before and after. The version is unused (0):
 * the job id comes from the event's own id, one job per change.
 */
export function announceTravelTimes(
  outbox: OutboxService,
  m: EntityManager,
  siteId: string,
  rows: readonly Pick<RecordedTrip, keyof TripPlace>[],
): Promise<void> {
  const seen = new Set<string>();
  const places: TripPlace[] = [];
  for (const r of rows) {
    const p: TripPlace = {
      destinationRegionCode: r.destinationRegionCode,
      latitude: r.latitude,
      longitude: r.longitude,
      employerId: r.employerId,
    };
    const key = JSON.stringify(p);
    if (seen.has(key)) continue;
    seen.add(key);
    places.push(p);
  }
  if (!places.length) return Promise.resolve();
  return outbox.add(m, { kind: 'site.travel_times.changed', entityId: siteId, version: 0, payload: { places } });
}
