import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CaseCause, CaseStatus, CloseReason } from '../case-vocabulary';

/**
 * A zero-employment household's case (动态清零, issue 15): opened when the household has labour
 * but nobody at work, closed only for a recognised reason. The dates are calendar days of the
 * pilot's zone; the due dates are counted in working days (working-days.ts).
 */
@Entity('casework_case')
// At most one case per household that is not closed; a second "open" is a bug, not a choice.
@Index('uq_casework_case_household_active', ['householdId'], { unique: true, where: "status <> 'closed'" })
// The work queue: open cases by due date
@Index('idx_casework_case_status_due', ['status', 'clearDueOn'])
@Check('chk_casework_case_status', "status IN ('open', 'assisting', 'employed', 'stabilised', 'closed')")
export class CaseRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 24 })
  cause!: CaseCause;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'date' })
  openedOn!: string;

  @Column({ type: 'date' })
  firstContactDueOn!: string;

  @Column({ type: 'date' })
  clearDueOn!: string;

  @Column({ type: 'date', nullable: true })
  firstContactOn!: string | null;

  /** The day a member started work (status employed); the stabilisation period runs from it. */
  @Column({ type: 'date', nullable: true })
  employedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  stabilisedOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  closedReason!: CloseReason | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  closeNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  /** Times the household fell back to zero-employment while this case was still on record. */
  @Column({ type: 'integer', default: 0 })
  reopenCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
