import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { yuanColumn } from '../../../placements/yuan-column';
import type { SubsidyProgramme } from '../subsidies-config';

/**
 * A subsidy an officer filed for a resident and a period, with the amount computed at filing
 * (the rules may change later; the roster shows what was claimed).
 */
@Entity('subsidy_claim')
// The same resident, programme and period twice is refused; this index is the last word under concurrency.
@Index('uq_subsidy_claim_resident_programme_period', ['residentId', 'programme', 'period'], { unique: true })
// GET /subsidies/claims?siteId= newest first, and the notice roster of a batch
@Index('idx_subsidy_claim_site', ['siteId', 'createdAt'])
@Index('idx_subsidy_claim_batch', ['batchId'])
@Check(
  'chk_subsidy_claim_programme',
  "programme IN ('transport', 'job_seeking', 'training_allowance', 'public_welfare')",
)
@Check('chk_subsidy_claim_amount', 'amount >= 0')
export class SubsidyClaim {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'uuid' })
  batchId!: string;

  @Column({ type: 'varchar', length: 24 })
  programme!: SubsidyProgramme;

  @Column({ type: 'varchar', length: 8 })
  period!: string;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: yuanColumn })
  amount!: number;

  /** What the amount rests on (placement, destination, days, months), as computed at filing. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  basis!: Record<string, unknown>;

  @Column({ type: 'uuid' })
  filedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
