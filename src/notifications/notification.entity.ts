import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The kinds of in-app notification other modules send. A plain string on the wire and in the
 * table so a new kind needs no migration; this list is the documented set.
 */
export type NotificationKind =
  | 'match.posting_ranked'
  | 'application.status_changed'
  | 'household.at_risk'
  | 'job.alert'
  | 'followup.due'
  | 'import.finished'
  | (string & {});

/**
 * One in-app message to one user (DESIGN.md "Domain": Notification). The unique dedup key makes
 * a retried job harmless: the same (event, recipient) is inserted once. The payload carries ids,
 * counts and a `link` path, never personal data (no phones, no national IDs).
 */
@Entity('notification')
// GET /notifications (own, newest first) and GET /notifications/unread-count
@Index('idx_notification_recipient', ['recipientUserId', 'createdAt'])
@Index('idx_notification_unread', ['recipientUserId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  recipientUserId!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Index('uq_notification_dedup_key', { unique: true })
  @Column({ type: 'varchar', length: 400 })
  dedupKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
