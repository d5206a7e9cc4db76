import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { FollowUpMonth } from './placement-kind';

export type FollowUpTaskStatus = 'open' | 'done';

/** An officer's task: follow up a placement 1, 3 or 6 months after its start. */
@Entity('follow_up_task')
// The daily job adds each (placement, month) once: INSERT … ON CONFLICT DO NOTHING
@Index('uq_follow_up_task', ['placementId', 'dueMonth'], { unique: true })
// GET /follow-ups?siteId=&status=open ORDER BY due_date
@Index('idx_follow_up_task_site', ['siteId', 'status', 'dueDate'])
@Check('chk_follow_up_task_month', 'due_month IN (1, 3, 6)')
@Check('chk_follow_up_task_status', "status IN ('open', 'done')")
export class FollowUpTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  placementId!: string;

  @Column({ type: 'smallint' })
  dueMonth!: FollowUpMonth;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status!: FollowUpTaskStatus;

  @Column({ type: 'uuid', nullable: true })
  doneFollowUpId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
