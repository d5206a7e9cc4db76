import { robotReplyError, type RobotMessage } from './robot-messages';

/** A robot that does not answer within this time counts as failed (and the job is retried). */
export const WEBHOOK_TIMEOUT_MS = 5_000;

export class WebhookDeliveryError extends Error {}

/**
 * Posts a robot message. Throws on a non-2xx answer, an errcode ≠ 0, a network error or a
 * timeout, so BullMQ retries the delivery job with backoff. Error messages never include the
 * URL: a robot URL carries its access key.
 */
export async function postRobotMessage(
  url: string,
  message: RobotMessage,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let res: Response;
    let body: string;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(message),
        signal: controller.signal,
        redirect: 'error',
      });
      body = await res.text();
    } catch (e) {
      if (controller.signal.aborted) throw new WebhookDeliveryError(`timeout after ${timeoutMs} ms`);
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      throw new WebhookDeliveryError(`network error${cause ? ` (${cause})` : ''}`);
    }
    const error = robotReplyError(res.status, body);
    if (error) throw new WebhookDeliveryError(error);
  } finally {
    clearTimeout(timer);
  }
}
