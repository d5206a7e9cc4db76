import { existsSync, readFileSync } from 'node:fs';
import { nationalIdCheckChar } from '../../src/residents/national-id';
import { createTestApp, type TestApp } from '../support/app';
import { ADMIN, createSite, loginAdmin, PASSWORD, staff } from '../support/factories';
import { runUniqueIdentity } from '../support/security-factories';
import { createHousehold, createResident, residentAccount } from '../support/residents-factories';

/*
 * Issue 7 item 5: national IDs and phones "never in logs (a test scans the log output of the
 * whole e2e run)". test/support/env.ts sends every app instance's log of the run to one file
 * (LOG_FILE, info level); test/support/last-sequencer.js runs this file after every other one.
 * It first makes its own traffic full of personal data (so it means something when run alone),
 * then scans the whole file.
 */

const NATIONAL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// Not inside a longer run of digits or letters (UUIDs, timestamps, hex ids).
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/-]+/gi;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/g;
// A password key with a value that is not the redaction marker.
const PASSWORD_VALUE = /"?(?:new)?password"?\s*[:=]\s*"(?!\[redacted\])[^"]+"/gi;

export interface LogFinding {
  line: number;
  kind: string;
  excerpt: string;
}

/** Every personal value or credential in a log text (line numbers 1-based). */
export function scanLog(text: string, knownSecrets: string[]): LogFinding[] {
  const findings: LogFinding[] = [];
  const lines = text.split('\n');
  const mask = (s: string) => (s.length > 6 ? `${s.slice(0, 3)}…${s.slice(-2)}` : '…');
  lines.forEach((l, i) => {
    const add = (kind: string, value: string) => findings.push({ line: i + 1, kind, excerpt: mask(value) });
    for (const m of l.matchAll(NATIONAL_ID)) {
      const id = m[0].toUpperCase();
      if (nationalIdCheckChar(id.slice(0, 17)) === id[17]) add('national ID', id);
    }
    for (const m of l.matchAll(MOBILE)) add('mobile number', m[0]);
    for (const m of l.matchAll(BEARER)) add('bearer token', m[0]);
    for (const m of l.matchAll(JWT)) add('JWT', m[0]);
    for (const m of l.matchAll(PASSWORD_VALUE)) add('password', m[0]);
    for (const s of knownSecrets) if (l.includes(s)) add('known secret', s);
  });
  return findings;
}

jest.setTimeout(120_000);

describe('log scan of the whole e2e run (runs last)', () => {
  const file = process.env.LOG_FILE;
  let t: TestApp | undefined;
  const marker = `log-scan-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  const http = () => t!.http;

  it('the scanner finds what it looks for (a scan that finds nothing proves nothing otherwise)', () => {
    const id = '11010519491231002X';
    const lines = [
      `{"msg":"x","nationalId":"${id}"}`,
      '{"msg":"call 13912345678 now"}',
      '{"authorization":"Bearer abc.def.ghi"}',
      '{"password":"hunter2hunter2"}',
      '{"req":{"id":"3f2a9c1e-0b7d-4e55-9a10-13912345678a"},"time":1795869653443}',
      '{"password":"[redacted]","phone":"[redacted]"}',
    ].join('\n');
    const kinds = scanLog(lines, []).map((f) => `${f.line}:${f.kind}`);
    expect(kinds).toEqual(['1:national ID', '2:mobile number', '3:bearer token', '4:password']);
  });

  it('writes the run to LOG_FILE at info level', () => {
    expect(file).toBeTruthy();
    expect(process.env.LOG_LEVEL).toBe('info');
  });

  it('no log line of the run holds a national ID, a mobile number, a token or a password', async () => {
    // Traffic full of personal data, with a marker to prove this file's own lines are in the log.
    const admin = await loginAdmin(http());
    const site = await createSite(http(), admin);
    const officer = await staff(http(), admin, 'officer', { siteIds: [site.id] });
    const household = await createHousehold(http(), officer, site.id);
    const r = await createResident(http(), officer, household.id, runUniqueIdentity());
    const { session } = await residentAccount(http(), officer, household.id, runUniqueIdentity());
    await http().get(`/api/v1/residents/${r.id}`).set(officer.auth).set('X-Request-Id', marker).expect(200);
    await http().get(`/api/v1/residents?q=${r.phoneClear}`).set(officer.auth);
    await http().get(`/api/v1/residents?q=${r.nationalId}`).set(officer.auth);
    await http().post('/api/v1/auth/login').send({ phone: r.phoneClear, password: 'Wrong-password-1' });
    await http().post('/api/v1/auth/login').send({ phone: '1391234567', password: PASSWORD });
    await http()
      .post('/api/v1/residents')
      .set(officer.auth)
      .send({ householdId: household.id, name: '坏身份证', nationalId: `${r.nationalId.slice(0, 17)}0` });
    await http().patch(`/api/v1/residents/${r.id}`).set(session.auth).send({ phone: 'not-a-phone' });
    await http().get('/api/v1/me').set('Authorization', `Bearer ${session.token}x`);
    await http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken });
    await http().post('/api/v1/auth/logout').set(session.auth);
    await t!.close();
    t = undefined;

    expect(file && existsSync(file)).toBeTruthy();
    const text = readFileSync(file!, 'utf8');
    expect(text).toContain(marker);
    // Request lines at info level: the scan covers every request of the run, not only errors.
    expect(text).toMatch(/"msg":"request completed"/);
    const findings = scanLog(text, [PASSWORD, ADMIN.password, r.nationalId, String(r.phoneClear)]);
    const lines = text.split('\n');
    const report = findings.slice(0, 20).map((f) => {
      const line = lines[f.line - 1];
      let context = '';
      try {
        const parsed = JSON.parse(line) as { msg?: string; context?: string; req?: { path?: string } };
        context = `${parsed.context ?? ''} ${parsed.msg ?? ''} ${parsed.req?.path ?? ''}`;
      } catch {
        context = line.slice(0, 80);
      }
      return `line ${f.line}: ${f.kind} ${f.excerpt} in [${context.trim()}]`;
    });
    expect(report).toEqual([]);
  });
});
