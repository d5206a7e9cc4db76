import { Injectable, Logger } from '@nestjs/common';
import { appendFileSync } from 'node:fs';
import { maskPhone } from '../crypto/masking';
import { SmsSender } from './sms-sender';

export interface DevSms {
  phone: string;
  text: string;
  at: Date;
}

const KEPT = 2000;
const sent: DevSms[] = [];

/**
 * Development and test adapter (LEYE_SMS_DEV_OUTBOX=true, refused in production by loadConfig):
 * keeps the last messages in this process's memory, where a test or a developer's console reads
 * the one-time code a phone would have received. Nothing reads it over HTTP. With a file
 * (LEYE_SMS_DEV_OUTBOX_FILE) each message is also appended there as a JSON line, for tests that
 * run the app as another process (test/fault). The log line carries the text (so a developer
 * running `npm run dev` reads the code there) and the phone masked, never in clear.
 */
@Injectable()
export class DevOutboxSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');

  constructor(private readonly file: string | null = null) {
    super();
  }

  send(phone: string, text: string): Promise<void> {
    sent.push({ phone, text, at: new Date() });
    if (this.file) appendFileSync(this.file, JSON.stringify({ phone, text }) + '\n');
    if (sent.length > KEPT) sent.splice(0, sent.length - KEPT);
    this.logger.log({ to: maskPhone(phone), text }, 'SMS kept in the dev outbox (not sent)');
    return Promise.resolve();
  }
}

/** The messages this process "sent" to a phone, oldest first (tests and development only). */
export function devSmsTo(phone: string): DevSms[] {
  return sent.filter((m) => m.phone === phone);
}
