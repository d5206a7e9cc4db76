import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { UsersService } from '../access/users.service';
import { EmailChannel, type EmailMessage } from './channels/email-channel';
import type { RobotMessage } from './channels/robot-messages';
import { SmsSender } from '../platform/sms/sms-sender';
import { AppConfig } from '../platform/config/app-config';
import { RobotAddressRefused, robotAddressPolicy } from './channels/robot-address';
import { postRobotMessage } from './channels/webhook-channel';
import { DeliveriesRepository, type ClaimedDelivery } from './deliveries.repository';

/**
 * A running attempt holds its row this long (longer than the slowest channel's timeouts), so a
 * second run of the same job (a stalled job picked up again) does not send in parallel.
 */
const CLAIM_SECONDS = 90;

export type DeliveryOutcome = 'sent' | 'skipped';

/**
 * Sends one delivery. Exactly-once is impossible towards an outside HTTP service, so this is
 * at-least-once with a narrow window: a row marked `sent` is never sent again (the job is a
 * no-op), and only a crash between the robot's 200 and our UPDATE can repeat a message.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly email: EmailChannel,
    private readonly sms: SmsSender,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** `finalAttempt`: no retry follows, so a failure marks the row failed. Throws to have BullMQ retry. */
  async deliver(deliveryId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const row = await this.deliveries.claim(deliveryId, CLAIM_SECONDS);
    if (!row) {
      const status = await this.deliveries.statusOf(deliveryId);
      if (status !== 'pending') return 'skipped';
      throw new Error('delivery is being sent by another run; retrying later');
    }
    try {
      await this.send(row);
    } catch (e) {
      const err = e as Error;
      const giveUp = finalAttempt || err instanceof UnrecoverableError;
      await this.deliveries.markAttemptFailed(deliveryId, err.message.slice(0, 500), giveUp);
      throw err;
    }
    await this.deliveries.markSent(deliveryId);
    return 'sent';
  }

  private async send(row: ClaimedDelivery): Promise<void> {
    switch (row.channel) {
      case 'wecom':
      case 'dingtalk':
        return this.sendRobot(row);
      case 'email':
        if (!this.email.configured) {
          this.logger.warn({ deliveryId: row.id }, 'e-mail delivery skipped: SMTP_URL is not configured');
          throw new UnrecoverableError('skipped: SMTP_URL is not configured');
        }
        return this.email.send(row.target, row.payload as unknown as EmailMessage);
      case 'sms':
        return this.sendSms(row);
      default: {
        const unknown: never = row.channel;
        throw new UnrecoverableError(`unknown channel ${String(unknown)}`);
      }
    }
  }

  /** A refused address fails the delivery at once: a retry would meet the same answer. */
  private async sendRobot(row: ClaimedDelivery): Promise<void> {
    try {
      await postRobotMessage(row.target, row.payload as unknown as RobotMessage, {
        policy: robotAddressPolicy(this.config),
      });
    } catch (e) {
      if (e instanceof RobotAddressRefused) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  private async sendSms(row: ClaimedDelivery): Promise<void> {
    const userId = row.target.startsWith('user:') ? row.target.slice(5) : null;
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.disabledAt) throw new UnrecoverableError('recipient account not found or disabled');
    const text = (row.payload as { text?: unknown }).text;
    if (typeof text !== 'string' || !text) throw new UnrecoverableError('empty SMS text');
    await this.sms.send(this.users.phoneOf(user), text);
  }
}
