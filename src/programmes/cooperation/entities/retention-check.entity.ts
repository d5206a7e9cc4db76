import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A retention check (稳岗回访) of a batch member: due `dueMonth` months after arrival (0 = the
 * arrival itself), the shape of the placements' follow_up_task. Those are fixed at 1, 3 and 6
 * months from a placement's start; these follow config/programmes.yaml `cooperation.
 * retentionCheckMonths`, so they have their own table. All of a member's checks are written when
 * the arrival is confirmed.
 */
@Entity('cooperation_retention_check')
@Index('uq_cooperation_retention_check', ['memberId', 'dueMonth'], { unique: true })
@Index('idx_cooperation_retention_site', ['siteId', 'status', 'dueOn'])
@Check('chk_cooperation_retention_status', "status IN ('open', 'done', 'cancelled')")
export class RetentionCheck {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'smallint' })
  dueMonth!: number;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  /** open → done when checked; cancelled when the member returned home before it fell due. */
  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: 'open' | 'done' | 'cancelled';

  @Column({ type: 'boolean', nullable: true })
  stillAtWork!: boolean | null;

  @Column({ type: 'date', nullable: true })
  checkedOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
