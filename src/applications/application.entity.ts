import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ApplicationSource, ApplicationStatus } from './application-status';

export interface ApplicationHistoryEntry {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  at: string;
  /** User id of who made the change. */
  by: string;
  role: string;
  note: string | null;
}

/**
 * A resident's application to a posting (DESIGN.md "Domain"), or an employer's invitation that
 * the resident has not answered yet. One active per (posting, resident): a rejected application
 * is not re-opened by applying again, but after a withdrawal or a declined invitation the
 * resident may apply anew (a new row; the old one keeps its history). History is append-only.
 */
@Entity('application')
// Same list as CLOSED_FOR_UNIQUENESS (application-status.ts).
@Index('uq_application_posting_resident', ['postingId', 'residentId'], {
  unique: true,
  where: "status NOT IN ('withdrawn', 'declined')",
})
// GET /applications as the resident (own): WHERE resident_id = $1
@Index('idx_application_resident', ['residentId', 'createdAt'])
// GET /applications as the employer (own postings): WHERE employer_id = $1 [AND posting_id = $2]
@Index('idx_application_employer', ['employerId', 'createdAt'])
@Check(
  'chk_application_status',
  "status IN ('invited', 'applied', 'viewed', 'interview', 'offered', 'hired', 'rejected', 'withdrawn', 'declined')",
)
@Check('chk_application_source', "source IN ('self', 'officer_referral', 'employer_invitation')")
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postingId!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  /** Copied from the posting: the employer's list needs no join. */
  @Column({ type: 'uuid' })
  employerId!: string;

  @Column({ type: 'varchar', length: 24 })
  source!: ApplicationSource;

  @Column({ type: 'varchar', length: 16, default: 'applied' })
  status!: ApplicationStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  history!: ApplicationHistoryEntry[];

  /** The user who created it (the resident, the referring officer or the inviting employer). */
  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
