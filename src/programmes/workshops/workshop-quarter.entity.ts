import { Column, Entity, PrimaryColumn } from 'typeorm';
import { yuanColumn } from '../../placements/yuan-column';
import type { WorkshopState } from './workshop-rules';

/**
 * A workshop's quarter as last computed (the register's history): rewritten by every evaluation
 * inside the quarter, so after the quarter it holds the figures of its last day.
 */
@Entity('workshop_quarter')
export class WorkshopQuarter {
  @PrimaryColumn({ type: 'uuid' })
  workshopId!: string;

  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @PrimaryColumn({ type: 'smallint' })
  quarter!: number;

  /** The day the figures are of. */
  @Column({ type: 'date' })
  asOf!: string;

  @Column({ type: 'integer' })
  workers!: number;

  @Column({ type: 'integer' })
  supportedWorkers!: number;

  @Column({ type: 'numeric', precision: 8, scale: 1, transformer: yuanColumn })
  monthsWorked!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: yuanColumn })
  wagesYuan!: number;

  @Column({ type: 'varchar', length: 8 })
  state!: WorkshopState;

  @Column({ type: 'date', nullable: true })
  bufferUntil!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
