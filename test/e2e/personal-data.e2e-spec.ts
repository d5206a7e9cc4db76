import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { nationalIdCheckChar } from '../../src/residents/national-id';
import { createTestApp, type TestApp } from '../support/app';
import { apply } from '../support/applications-factories';
import {
  createHousehold,
  createResident,
  residentAccount,
  residentBody,
} from '../support/residents-factories';
import { runUniqueIdentity, securityWorld, type SecurityWorld } from '../support/security-factories';

/*
 * Issue 7 item 5 "Personal data": national IDs and phones encrypted at rest (the raw tables),
 * masked in responses; every read of a resident's record by an officer or employer audited; a
 * resident exports their own data and asks for erasure (personal fields gone, placements kept).
 */

jest.setTimeout(120_000);

/** Every text-like column of every table: [table, column]. */
async function textColumns(ds: DataSource): Promise<[string, string][]> {
  const rows = await ds.query<{ t: string; c: string }[]>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'migrations'
        AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
      ORDER BY table_name, column_name`,
  );
  return rows.map((r) => [r.t, r.c]);
}

/** "table.column" of every stored value containing one of `needles`. */
async function whereStored(ds: DataSource, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  const patterns = needles.map((n) => `%${n}%`);
  for (const [t, c] of await textColumns(ds)) {
    const [row] = await ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM "${t}" WHERE "${c}"::text LIKE ANY($1::text[])`,
      [patterns],
    );
    if (Number(row.n) > 0) hits.push(`${t}.${c} (${row.n})`);
  }
  return hits;
}

const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
function fullNationalIds(text: string): string[] {
  return [...text.matchAll(FULL_ID)]
    .map((m) => m[0].toUpperCase())
    .filter((id) => nationalIdCheckChar(id.slice(0, 17)) === id[17]);
}

describe('personal data: at rest, in responses, audited, exported and erased', () => {
  let t: TestApp;
  let ds: DataSource;
  let w: SecurityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    w = await securityWorld(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  it('no table holds a national ID or a phone number in clear', async () => {
    const h = await createHousehold(t.http, w.officer, w.site.id);
    const r = await createResident(t.http, w.officer, h.id, runUniqueIdentity());
    const { session, resident } = await residentAccount(t.http, w.officer, h.id, runUniqueIdentity());
    await t.http
      .patch(`/api/v1/residents/${r.id}`)
      .set(w.officer.auth)
      .send({ education: 'college' })
      .expect(200);
    await apply(t.http, session, w.openA.id);
    const clear = [
      r.nationalId,
      String(r.phoneClear),
      resident.nationalId,
      String(resident.phoneClear),
      w.residentA.resident.nationalId,
      String(w.residentA.resident.phoneClear),
      w.employerA.session.phone,
    ];
    expect(clear.every((v) => v && v !== 'undefined')).toBe(true);
    // The tables the issue names are among those scanned (they have text columns).
    const scanned = new Set((await textColumns(ds)).map(([table]) => table));
    for (const table of ['resident', 'app_user', 'audit_entry', 'notification', 'outbox_event'])
      expect({ table, scanned: scanned.has(table) }).toEqual({ table, scanned: true });
    expect(await whereStored(ds, clear)).toEqual([]);
    // …while the masked form is stored, so the scan looks at the right rows.
    expect(await whereStored(ds, [r.nationalIdMasked])).toContain('resident.national_id_masked (1)');
  });

  it('no response of an officer’s day carries a full national ID', async () => {
    const seen: string[] = [];
    const record = async (req: Promise<Response>): Promise<Response> => {
      const res = await req;
      seen.push(`${res.status} ${res.text}`);
      return res;
    };
    const o = w.officer.auth;
    const h = await record(
      t.http
        .post('/api/v1/households')
        .set(o)
        .send({ siteId: w.site.id, originRegionCode: '422802107', monitoringStatus: 'marginal' }),
    );
    const created = await createResident(t.http, w.officer, h.body.id, runUniqueIdentity());
    await record(t.http.get(`/api/v1/residents/${created.id}`).set(o));
    await record(t.http.get('/api/v1/residents').query({ siteId: w.site.id, pageSize: 100 }).set(o));
    await record(
      t.http
        .get('/api/v1/residents')
        .query({ q: String(created.name) })
        .set(o),
    );
    await record(t.http.patch(`/api/v1/residents/${created.id}`).set(o).send({ education: 'vocational' }));
    await record(t.http.get(`/api/v1/households/${h.body.id}`).set(o));
    await record(t.http.get('/api/v1/households').query({ siteId: w.site.id }).set(o));
    await record(t.http.get(`/api/v1/residents/${created.id}/recommendations`).set(o));
    await record(t.http.get(`/api/v1/postings/${w.openA.id}/matches`).set(o));
    await record(t.http.get('/api/v1/applications').set(o));
    await record(t.http.get(`/api/v1/sites/${w.site.id}`).set(o));
    await record(t.http.get('/api/v1/me').set(o));
    // A duplicate national ID: the conflict message must not echo it.
    await record(
      t.http
        .post('/api/v1/residents')
        .set(o)
        .send(
          residentBody(h.body.id, {
            nationalId: created.nationalId,
            birthDate: String(created.birthDate),
            gender: created.gender as 'female',
          }),
        ),
    );
    // The resident's own view and export: masked too.
    await record(t.http.get(`/api/v1/residents/${w.residentA.resident.id}`).set(w.residentA.session.auth));
    await record(
      t.http.get(`/api/v1/residents/${w.residentA.resident.id}/export`).set(w.residentA.session.auth),
    );
    const all = seen.join('\n');
    expect(seen.filter((s) => s.startsWith('5'))).toEqual([]);
    expect(all).toContain(created.nationalIdMasked);
    expect(fullNationalIds(all)).toEqual([]);
    expect(all).not.toContain(created.nationalId);
    expect(created.nationalIdMasked).toBe(
      `${created.nationalId.slice(0, 6)}${'*'.repeat(8)}${created.nationalId.slice(-4)}`,
    );
  });

  it('every read of a resident’s record by an officer or an employer is in the audit log', async () => {
    const { session, resident } = await residentAccount(t.http, w.officer, w.householdA, runUniqueIdentity());
    const audited = async (actorId: string, action: RegExp) => {
      const rows = await ds.query<{ action: string }[]>(
        `SELECT action FROM audit_entry WHERE actor_id = $1 AND entity_type = 'resident' AND entity_id = $2`,
        [actorId, resident.id],
      );
      return rows.some((x) => action.test(x.action));
    };
    await t.http.get(`/api/v1/residents/${resident.id}`).set(w.officer.auth).expect(200);
    expect(await audited(w.officer.userId, /^resident\.read$/)).toBe(true);
    await t.http
      .get('/api/v1/residents')
      .query({ householdId: w.householdA, pageSize: 100 })
      .set(w.admin.auth)
      .expect(200);
    expect(await audited(w.admin.userId, /^resident\.read/)).toBe(true);
    await apply(t.http, session, w.openA.id);
    await t.http
      .get('/api/v1/applications')
      .query({ postingId: w.openA.id })
      .set(w.employerA.session.auth)
      .expect(200);
    expect(await audited(w.employerA.session.userId, /^resident\.read/)).toBe(true);
    // The resident reading their own record is not an access to audit.
    await t.http.get(`/api/v1/residents/${resident.id}`).set(session.auth).expect(200);
    expect(await audited(session.userId, /^resident\.read$/)).toBe(false);
  });

  it('a resident exports their own data, then erasure removes the personal fields and keeps the placement', async () => {
    const { session, resident } = await residentAccount(t.http, w.officer, w.householdA, {
      ...runUniqueIdentity(),
      name: `待擦除${process.pid}${Date.now() % 100000}`,
    });
    const exported = await t.http
      .get(`/api/v1/residents/${resident.id}/export`)
      .set(session.auth)
      .expect(200);
    expect(exported.body).toMatchObject({
      id: resident.id,
      name: resident.name,
      nationalIdMasked: resident.nationalIdMasked,
      phone: resident.phoneClear,
    });
    expect(JSON.stringify(exported.body)).not.toContain(resident.nationalId);
    const placement = await t.http.post('/api/v1/placements').set(w.officer.auth).send({
      residentId: resident.id,
      employerName: '星斗茶叶合作社',
      kind: 'local_enterprise',
      startDate: '2026-03-02',
      monthlyIncome: 2800,
    });
    expect(placement.status).toBe(201);

    const erased = await t.http.post(`/api/v1/residents/${resident.id}/erase`).set(session.auth);
    expect(erased.status).toBe(200);
    const [row] = await ds.query<Record<string, unknown>[]>(
      `SELECT name, national_id_encrypted, national_id_hmac, national_id_masked, phone_encrypted, phone_hmac,
              consent_to_share, erased_at FROM resident WHERE id = $1`,
      [resident.id],
    );
    expect(row).toMatchObject({
      national_id_encrypted: null,
      national_id_hmac: null,
      national_id_masked: null,
      phone_encrypted: null,
      phone_hmac: null,
      consent_to_share: false,
    });
    expect(row.name).not.toBe(resident.name);
    expect(row.erased_at).not.toBeNull();
    expect(await whereStored(ds, [String(resident.name), String(resident.phoneClear)])).toEqual([]);
    const kept = await ds.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM placement WHERE resident_id = $1',
      [resident.id],
    );
    expect(kept[0].n).toBe('1');
    // The account is disabled: its token no longer works.
    expect((await t.http.get('/api/v1/me').set(session.auth)).status).toBe(401);
  });
});
