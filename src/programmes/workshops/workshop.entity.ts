import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { yuanColumn } from '../../placements/yuan-column';
import type { WorkshopState, WorkshopType } from './workshop-rules';

/**
 * A poverty-alleviation workshop (就业帮扶车间) on the register: a verified employer of kind
 * `workshop`, recognised for a site. Its state is the last judgement of the quarterly rules
 * (workshop-monitor.ts); `pendingSince` starts the buffer.
 */
@Entity('workshop')
@Check(
  'chk_workshop_type',
  "type IN ('factory', 'home_based', 'planting_breeding', 'trade', 'culture_tourism')",
)
@Check('chk_workshop_state', "state IN ('normal', 'pending', 'cleared')")
// One live registration per employer (a cleared one may be recognised again).
@Index('uq_workshop_employer_live', ['employerId'], { unique: true, where: "state <> 'cleared'" })
// GET /workshops?siteId=
@Index('idx_workshop_site', ['siteId'])
export class Workshop {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  employerId!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: WorkshopType;

  /** The day of the recognition document (认定). */
  @Column({ type: 'date' })
  recognisedOn!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNo!: string | null;

  /** Posts the workshop offers (吸纳就业能力), as recognised. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  /** The months (1–12) a seasonal workshop works; null: all year. */
  @Column({ type: 'smallint', array: true, nullable: true })
  seasonalMonths!: number[] | null;

  /** Insurance paid for its workers, yuan per worker and month; null: not recorded. */
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: yuanColumn })
  insuranceYuanPerWorkerMonth!: number | null;

  @Column({ type: 'varchar', length: 8, default: 'normal' })
  state!: WorkshopState;

  @Column({ type: 'date', nullable: true })
  pendingSince!: string | null;

  @Column({ type: 'date', nullable: true })
  clearedOn!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
