import type { OutboxEvent } from '../../platform/database/outbox-event.entity';
import { JobName } from '../../platform/queue/job-name';
import { placesOf, SiteTripsOutboxRoutes } from './rerank-site-trips.job';

const event = (id: string, payload: Record<string, unknown>): OutboxEvent => ({
  id,
  kind: 'site.travel_times.changed',
  entityId: '6f1c2b1e-0000-4000-8000-000000000001',
  version: 0,
  payload,
  createdAt: new Date(0),
  publishedAt: null,
});

describe('site.travel_times.changed route', () => {
  const routes = new SiteTripsOutboxRoutes();
  const bus = { destinationRegionCode: '422802202', latitude: null, longitude: null, employerId: null };

  it('one rerank-site-trips job per event, its id from the event id (two changes of one site are two jobs)', () => {
    const [a] = routes.travelTimesChanged(event('41', { places: [bus] }), { deploymentShortId: 'd1' });
    const [b] = routes.travelTimesChanged(event('42', { places: [bus] }), { deploymentShortId: 'd1' });
    expect(a.name).toBe(JobName.RerankSiteTrips);
    expect(a.data).toMatchObject({ siteId: '6f1c2b1e-0000-4000-8000-000000000001', places: [bus] });
    expect(a.opts.jobId).not.toBe(b.opts.jobId);
    expect(a.opts.jobId).toMatch(/\.e41\.d1$/);
    expect(a.opts.jobId).not.toContain(':');
  });

  it('keeps only places a row can apply by (a region code, or both coordinates); no place, no job', () => {
    expect(
      placesOf({
        places: [
          bus,
          { destinationRegionCode: null, latitude: 30.3, longitude: 108.9, employerId: 'e' },
          { destinationRegionCode: null, latitude: 30.3, longitude: null, employerId: null },
          'junk',
          null,
        ],
      }),
    ).toEqual([bus, { destinationRegionCode: null, latitude: 30.3, longitude: 108.9, employerId: 'e' }]);
    expect(placesOf({ places: 'x' })).toEqual([]);
    expect(routes.travelTimesChanged(event('43', {}), { deploymentShortId: 'd1' })).toEqual([]);
  });
});
