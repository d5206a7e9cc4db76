import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionKind, ActionOutcome } from '../case-vocabulary';

/** One officer action on a case (the ledger's lines): a contact, a briefing, a referral, an offer. */
@Entity('casework_action')
// The case page and the evidence checks: a case's actions in date order
@Index('idx_casework_action_case', ['caseId', 'date'])
@Check(
  'chk_casework_action_kind',
  "kind IN ('visit', 'phone', 'wechat', 'policy_briefing', 'guidance', 'referral', 'training_offer')",
)
export class CaseAction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ActionKind;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  postingId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  courseId!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome!: ActionOutcome | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  officerId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
