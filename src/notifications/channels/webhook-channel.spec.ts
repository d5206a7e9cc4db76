import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { channelText } from './channel-text';
import { wecomMarkdown } from './robot-messages';
import { RobotAddressRefused, type RobotAddressPolicy } from './robot-address';
import { postRobotMessage, WebhookDeliveryError } from './webhook-channel';

/** The robots of these tests listen on 127.0.0.1. */
const LOCAL: RobotAddressPolicy = { hosts: [], allowLocal: true };
const STRICT: RobotAddressPolicy = { hosts: ['qyapi.weixin.qq.com', 'localhost'], allowLocal: false };

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A local robot on 127.0.0.1 whose behaviour each test sets. */
async function robot(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test-key`, server };
}

describe('postRobotMessage', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  it('posts the JSON message and accepts errcode 0', async () => {
    const received: unknown[] = [];
    const { url, server } = await robot((req, body, res) => {
      received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
    servers.push(server);
    await postRobotMessage(url, wecomMarkdown('标题', channelText`内容`), { policy: LOCAL });
    expect(received).toEqual([
      {
        method: 'POST',
        type: 'application/json; charset=utf-8',
        body: { msgtype: 'markdown', markdown: { content: '### 标题\n内容' } },
      },
    ]);
  });

  it('fails on HTTP 500 and on a non-zero errcode, without the URL (its key) in the error', async () => {
    let status = 500;
    const { url, server } = await robot((_req, _body, res) => {
      res.statusCode = status;
      res.end(status === 500 ? 'oops' : '{"errcode":45009,"errmsg":"api freq out of limit"}');
    });
    servers.push(server);
    await expect(
      postRobotMessage(url, wecomMarkdown('a', channelText`b`), { policy: LOCAL }),
    ).rejects.toThrow('HTTP 500');
    status = 200;
    const err = (await postRobotMessage(url, wecomMarkdown('a', channelText`b`), { policy: LOCAL }).catch(
      (e: Error) => e,
    )) as Error;
    expect(err).toBeInstanceOf(WebhookDeliveryError);
    expect(err.message).toMatch(/45009/);
    expect(err.message).not.toContain('test-key');
  });

  it('gives up on a robot that never answers', async () => {
    const { url, server } = await robot(() => undefined);
    servers.push(server);
    await expect(
      postRobotMessage(url, wecomMarkdown('a', channelText`b`), { policy: LOCAL, timeoutMs: 200 }),
    ).rejects.toThrow(/timeout after 200 ms/);
  });

  it('fails on a refused connection', async () => {
    const { url, server } = await robot(() => undefined);
    await new Promise((r) => server.close(r));
    await expect(
      postRobotMessage(url, wecomMarkdown('a', channelText`b`), { policy: LOCAL }),
    ).rejects.toThrow(/network error/);
  });

  it('refuses, without connecting, a URL off the allow-list, plain http, and hosts or literals that are not public', async () => {
    let hits = 0;
    const { url, server } = await robot((_req, _body, res) => {
      hits += 1;
      res.end('{"errcode":0}');
    });
    servers.push(server);
    const port = new URL(url).port;
    const msg = wecomMarkdown('a', channelText`b`);
    for (const target of [
      url, // http, 127.0.0.1: not an allowed host
      `https://127.0.0.1:${port}/`,
      'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send',
    ]) {
      await expect(postRobotMessage(target, msg, { policy: STRICT })).rejects.toBeInstanceOf(
        RobotAddressRefused,
      );
    }
    // An allowed name that resolves to loopback is refused at connect time (the lookup checks it).
    const err = (await postRobotMessage(`https://localhost/cgi-bin/webhook/send?key=k`, msg, {
      policy: STRICT,
    }).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(RobotAddressRefused);
    expect(err.message).toMatch(/non-public address/);
    expect(err.message).not.toContain('key=k');
    expect(hits).toBe(0);
  });

  it('connects through the checking lookup when the host is a name (the path every real robot takes)', async () => {
    const received: unknown[] = [];
    const { url, server } = await robot((_req, body, res) => {
      received.push(JSON.parse(body));
      res.end('{"errcode":0}');
    });
    servers.push(server);
    const byName = url.replace('127.0.0.1', 'localhost');
    await postRobotMessage(byName, wecomMarkdown('标题', channelText`内容`), { policy: LOCAL });
    expect(received).toHaveLength(1);
  });
});
