import type request from 'supertest';
import { buildCreditCode } from '../../src/employers/credit-code';
import { employerAccount, type Session } from './factories';

type Http = ReturnType<typeof request>;

// Random start: every test file of a run shares one process but has its own module state.
let codeCounter = Math.floor(Math.random() * 1e8);
/** A valid unified social credit code no other test in this run uses (check characters computed). */
export function validCreditCode(): string {
  codeCounter += 1;
  const body = String(codeCounter % 1e8).padStart(8, '0');
  return buildCreditCode('93', '422802', body);
}

/** The same code with a wrong 18th character. */
export function withWrongCheckChar(code: string): string {
  const last = code[17] === '0' ? '1' : '0';
  return code.slice(0, 17) + last;
}

export function employerBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '利川市文斗镇星斗茶叶专业合作社',
    creditCode: validCreditCode(),
    kind: 'cooperative',
    industry: 'tea',
    regionCode: '422802107',
    address: '利川市文斗镇长顺村 3 组',
    latitude: 30.02,
    longitude: 108.71,
    ...over,
  };
}

export interface EmployerFixture {
  session: Session & { phone: string };
  employer: { id: string; name: string; creditCode: string; verified: boolean };
}

/** A new employer account with its employer record (unverified unless `verifiedBy` is given). */
export async function employerWithRecord(
  http: Http,
  opts: { verifiedBy?: Session; body?: Record<string, unknown> } = {},
): Promise<EmployerFixture> {
  const session = await employerAccount(http);
  const res = await http.post('/api/v1/employers').set(session.auth).send(employerBody(opts.body));
  if (res.status !== 201)
    throw new Error(`create employer failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (opts.verifiedBy) {
    const v = await http.post(`/api/v1/employers/${res.body.id}/verify`).set(opts.verifiedBy.auth);
    if (v.status !== 200) throw new Error(`verify failed: ${v.status} ${JSON.stringify(v.body)}`);
    return { session, employer: v.body };
  }
  return { session, employer: res.body };
}

export function postingBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '春茶采茶工',
    description: '明前茶采摘，按天结算，安置点每天早上有班车。',
    industry: 'tea',
    skills: [{ code: 'tea.picking', minLevel: 1, required: true }],
    certificates: [],
    headcount: 10,
    wageMin: 120,
    wageMax: 180,
    wageUnit: 'day',
    schedule: 'seasonal',
    regionCode: '422802107',
    address: '文斗镇长顺村茶园',
    latitude: 30.02,
    longitude: 108.71,
    accommodation: false,
    meals: true,
    shuttle: true,
    publicWelfare: false,
    ...over,
  };
}

/** A draft posting of the signed-in employer. */
export async function createPosting(
  http: Http,
  employer: Session,
  over: Record<string, unknown> = {},
): Promise<{ id: string; status: string; version: number }> {
  const res = await http.post('/api/v1/postings').set(employer.auth).send(postingBody(over));
  if (res.status !== 201) throw new Error(`create posting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An open posting (the employer must be verified). */
export async function openPosting(
  http: Http,
  employer: Session,
  over: Record<string, unknown> = {},
): Promise<{ id: string; status: string; version: number }> {
  const p = await createPosting(http, employer, over);
  const res = await http.post(`/api/v1/postings/${p.id}/publish`).set(employer.auth);
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: p.id, status: res.body.status, version: res.body.version };
}
