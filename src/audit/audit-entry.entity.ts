import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only (a trigger in the migration refuses UPDATE and DELETE): who, on whose behalf,
 * did what to which record, when and from where. Never holds the personal data itself.
 */
@Entity('audit_entry')
@Index('idx_audit_entity', ['entityType', 'entityId', 'at'])
@Index('idx_audit_actor', ['actorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** The signed-in user; null for the system (worker, bootstrap, import job). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  /** The resident an officer acted for (DESIGN.md "Who uses it"). */
  @Column({ type: 'uuid', nullable: true })
  onBehalfOfResidentId!: string | null;

  /** e.g. `resident.read`, `resident.update`, `posting.publish`, `auth.login`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 32 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** Names of changed fields and similar; never the values of personal fields. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
