import http from 'node:http';
import https from 'node:https';
import {
  assertPublicLiteral,
  publicOnlyLookup,
  RobotAddressRefused,
  robotUrlProblem,
  type RobotAddressPolicy,
} from './robot-address';
import { robotReplyError, type RobotMessage } from './robot-messages';

/** A robot that does not answer within this time counts as failed (and the job is retried). */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** More than any robot reply; the rest is not read. */
const MAX_REPLY_BYTES = 64 * 1024;

export class WebhookDeliveryError extends Error {}

export interface RobotSendOptions {
  policy: RobotAddressPolicy;
  timeoutMs?: number;
}

/**
 * Posts a robot message. Throws on a non-2xx answer (redirects are not followed), an errcode ≠ 0,
 * a network error or a timeout (WebhookDeliveryError: BullMQ retries the delivery job with
 * backoff), and RobotAddressRefused when the URL or an address of its host is not allowed
 * (robot-address.ts). Error messages never include the URL: a robot URL carries its access key.
 */
export async function postRobotMessage(
  url: string,
  message: RobotMessage,
  opts: RobotSendOptions,
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const problem = robotUrlProblem(url, opts.policy);
  if (problem) throw new RobotAddressRefused(`refused: the robot URL ${problem}`);
  const target = new URL(url);
  assertPublicLiteral(target.hostname, opts.policy);
  const body = JSON.stringify(message);
  const { status, reply } = await new Promise<{ status: number; reply: string }>((resolve, reject) => {
    const request = target.protocol === 'https:' ? https.request : http.request;
    // agent: false: a pooled socket would skip the lookup that checks the address.
    const req = request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup: publicOnlyLookup(opts.policy),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < MAX_REPLY_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, reply: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new WebhookDeliveryError(`timeout after ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      if (e instanceof WebhookDeliveryError || e instanceof RobotAddressRefused) return reject(e);
      reject(new WebhookDeliveryError(`network error${e.code ? ` (${e.code})` : ''}`));
    });
    req.end(body);
  });
  const error = robotReplyError(status, reply);
  if (error) throw new WebhookDeliveryError(error);
}
