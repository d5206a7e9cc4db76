import request from 'supertest';
import type { TestApp } from './app';
import { PASSWORD } from './factories';

/** Pulls the CSRF token out of a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in page');
  return m[1];
}

/** A cookie-keeping client signed in through the web login form. */
export async function webAgent(
  t: TestApp,
  phone: string,
  password = PASSWORD,
): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  const res = await agent
    .post('/login')
    .type('form')
    .send({ phone, password, _csrf: csrfOf(form.text) });
  if (res.status !== 303) throw new Error(`web login ${phone} failed: ${res.status}`);
  return agent;
}
