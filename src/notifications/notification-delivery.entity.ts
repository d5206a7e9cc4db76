import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type DeliveryChannel = 'wecom' | 'dingtalk' | 'email' | 'sms';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * One message to one outside channel: a WeCom / DingTalk group robot, an e-mail address, or a
 * user's phone (SMS). Each is delivered by its own job (`delivery.<id>`), so one failing
 * channel never holds back another. The payload is the rendered message, fixed when the row is
 * written, so a retry sends exactly what the first attempt tried to send.
 */
@Entity('notification_delivery')
@Check('chk_delivery_channel', `channel IN ('wecom', 'dingtalk', 'email', 'sms')`)
@Check('chk_delivery_status', `status IN ('pending', 'sent', 'failed')`)
@Check('chk_delivery_attempts', `attempts >= 0`)
// The sweep (dispatchPending): WHERE status = 'pending' ORDER BY created_at
@Index('idx_delivery_pending', ['createdAt'], { where: "status = 'pending'" })
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The in-app notification this mirrors (SMS job alerts); null for site channel messages. */
  @Column({ type: 'uuid', nullable: true })
  notificationId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel!: DeliveryChannel;

  /**
   * Robot webhook URL or e-mail address. For SMS, `user:<userId>`: the phone is resolved (and
   * decrypted) at send time, so it is never stored here in clear.
   */
  @Column({ type: 'text' })
  target!: string;

  /** `<group key>:<channel>:<target hash>`: one message per event and target. */
  @Index('uq_delivery_dedup_key', { unique: true })
  @Column({ type: 'varchar', length: 400 })
  dedupKey!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** A running attempt holds the row until then, so two runs of one job never send at once. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
