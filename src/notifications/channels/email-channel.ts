import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../../platform/config/app-config';
import type { ChannelText } from './channel-text';
import { escapeHtml, escapeText } from './escape';

export interface EmailMessage {
  subject: string;
  text: string;
  /** Absent on deliveries queued before HTML bodies existed. */
  html?: string;
}

/** The line breaks of the wording; values were made one line by escapeHtml. */
const htmlLiteral = (s: string) => escapeHtmlWording(s).replace(/\r?\n/g, '<br>\n');

function escapeHtmlWording(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An e-mail of a site channel: subject and both bodies escaped for their formats (issue 12 item 8). */
export function emailMessage(title: string, body: ChannelText): EmailMessage {
  return {
    subject: escapeText(title).trim(),
    text: body.render(escapeText),
    html: `<p>${body.render(escapeHtml, htmlLiteral)}</p>`,
  };
}

/** E-mail over SMTP (nodemailer), only when SMTP_URL is configured. */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.smtpUrl !== null;
  }

  async send(to: string, message: EmailMessage): Promise<void> {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not configured');
    // Short timeouts: a stuck mail server fails the attempt and the job retries later.
    this.transport ??= createTransport({
      url: this.config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
