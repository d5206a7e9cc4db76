import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface EmailMessage {
  subject: string;
  text: string;
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
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
