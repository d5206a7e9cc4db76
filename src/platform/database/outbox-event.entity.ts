import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxKind =
  | 'posting.changed'
  | 'resident.changed'
  | 'enrollment.completed'
  | 'placement.ended'
  | 'household.at_risk'
  | 'household.employment_changed'
  | 'notification.deliveries'
  | 'import.requested'
  | 'site.travel_times.changed';

/**
 * A change other processes must react to, written in the same transaction as the change
 * (DESIGN.md "The matching worker", step 1). The relay publishes unpublished rows to BullMQ.
 */
@Entity('outbox_event')
// The relay's query: WHERE published_at IS NULL ORDER BY id ... FOR UPDATE SKIP LOCKED
@Index('idx_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: OutboxKind;

  @Column({ type: 'uuid' })
  entityId!: string;

  /** Version of the entity after the change; with kind and id it forms the job id. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
