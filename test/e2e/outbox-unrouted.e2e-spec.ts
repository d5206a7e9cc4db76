import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../src/platform/database/outbox-relay';
import { createTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/notifications-factories';

jest.setTimeout(60_000);

/**
 * Issue 12 (reliability): an outbox event whose kind has no route was marked published and lost
 * without a line in the log. Now it stays unpublished, the relay says so once per kind, and
 * /health/ready and /metrics count it — while routed events behind it still go out.
 */
describe('outbox: an event of a kind nobody routes', () => {
  let t: TestApp;
  let ds: DataSource;
  const kind = `test.unrouted_${process.pid}`;
  const errors = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    ds = t.app.get(DataSource);
  });

  afterAll(async () => {
    await ds?.query('DELETE FROM outbox_event WHERE kind = $1', [kind]);
    await t?.close();
  });

  const published = async (id: string): Promise<boolean> => {
    const [row]: { publishedAt: Date | null }[] = await ds.query(
      'SELECT published_at AS "publishedAt" FROM outbox_event WHERE id = $1',
      [id],
    );
    return row.publishedAt !== null;
  };
  const insert = async (k: string): Promise<string> => {
    const [row]: { id: string }[] = await ds.query(
      `INSERT INTO outbox_event (kind, entity_id, version) VALUES ($1, $2, 1) RETURNING id`,
      [k, randomUUID()],
    );
    return row.id;
  };

  it('routes every kind the features declare with @OutboxRoute (found at start)', () => {
    expect(t.app.get(OutboxRelay).routedKinds()).toEqual([
      'enrollment.completed',
      'household.employment_changed',
      'import.requested',
      'notification.deliveries',
      'placement.ended',
      'posting.changed',
      'resident.changed',
      'site.travel_times.changed',
    ]);
  });

  it('stays unpublished, is logged once for its kind, and /health/ready reports it', async () => {
    const unknown = [await insert(kind), await insert(kind)];
    // A routed event written after it is published: the relay ran past the unknown ones.
    const routed = await insert('enrollment.completed');
    await eventually(() => published(routed));
    for (const id of unknown) expect(await published(id)).toBe(false);

    const relay = t.app.get(OutboxRelay);
    await relay.reportUnrouted();
    await relay.reportUnrouted();
    const mentions = errors.mock.calls.filter((c) => JSON.stringify(c).includes(kind));
    expect(mentions).toHaveLength(1);
    expect(JSON.stringify(mentions[0])).toContain('no route');

    const anonymous = await t.http.get('/health/ready');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.checks.outbox).toEqual({ status: 'degraded' });
    const ready = await t.http.get('/health/ready').set('X-Metrics-Token', process.env.METRICS_TOKEN!);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.outbox).toMatchObject({ status: 'degraded', unrouted: { [kind]: 2 } });
  });
});
