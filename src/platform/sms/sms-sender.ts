import { Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '../crypto/masking';

/**
 * The port for an SMS gateway (Aliyun, Tencent Cloud …). A real adapter implements `send` and
 * replaces LoggingSmsSender in NotificationsModule; it must throw on failure so the delivery job
 * is retried.
 */
export abstract class SmsSender {
  abstract send(phone: string, text: string): Promise<void>;
}

/** Development adapter: logs that a message would go out. Never logs the phone in clear. */
@Injectable()
export class LoggingSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');

  send(phone: string, text: string): Promise<void> {
    this.logger.log({ to: maskPhone(phone), chars: [...text].length }, 'SMS not sent (logging adapter)');
    return Promise.resolve();
  }
}

/** The sender a process uses: the in-memory dev outbox when configured, else the logging one. */
export async function smsSenderFor(config: {
  smsDevOutbox: boolean;
  smsDevOutboxFile: string | null;
}): Promise<SmsSender> {
  if (!config.smsDevOutbox) return new LoggingSmsSender();
  const { DevOutboxSmsSender } = await import('./sms-dev-outbox');
  return new DevOutboxSmsSender(config.smsDevOutboxFile);
}
