import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type request from 'supertest';
import type { Session } from './factories';

type Http = ReturnType<typeof request>;

let siteCounter = 0;
/** A site in 文斗镇 with the given outside channels (robot webhooks, e-mail). */
export async function siteWithChannels(
  http: Http,
  admin: Session,
  channels: { type: 'wecom' | 'dingtalk' | 'email'; target: string }[],
  place: { latitude: number; longitude: number } = { latitude: 30.06, longitude: 108.75 },
): Promise<{ id: string; regionCode: string }> {
  siteCounter += 1;
  const res = await http
    .post('/api/v1/sites')
    .set(admin.auth)
    .send({
      name: `通知测试安置点 ${process.pid}-${siteCounter}`,
      regionCode: '422802107',
      ...place,
      channels,
    });
  if (res.status !== 201) throw new Error(`create site failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface RobotServer {
  url: string;
  /** Parsed JSON bodies received, in order. */
  received: unknown[];
  hits: number;
  close(): Promise<void>;
}

/**
 * A group robot on 127.0.0.1 (random port): `ok` answers like WeCom/DingTalk on success
 * (`{"errcode":0}`), `error500` always answers 500, `silent` never answers.
 */
export async function robotServer(mode: 'ok' | 'error500' | 'silent'): Promise<RobotServer> {
  const robot: RobotServer = { url: '', received: [], hits: 0, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      robot.hits += 1;
      if (mode === 'silent') return;
      if (mode === 'error500') {
        res.statusCode = 500;
        res.end('internal error');
        return;
      }
      try {
        robot.received.push(JSON.parse(body));
      } catch {
        robot.received.push({ unparsable: body });
      }
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  robot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  robot.close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return robot;
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
