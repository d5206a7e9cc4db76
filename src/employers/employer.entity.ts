import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Industry } from '../kernel/domain-enums';
import type { EmployerKind } from './employer-kind';

/** An employer (enterprise, cooperative, workshop, …), verified by an officer before its postings go live. */
@Entity('employer')
// The officers' verification queue (GET /employers?verified=false):
//   WHERE verified_at IS NULL AND region_code LIKE <area>% ORDER BY created_at — created by hand in the migration
@Index('idx_employer_unverified', { synchronize: false })
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Unified social credit code (GB 32100), upper case; unique: one record per legal entity. */
  @Index('uq_employer_credit_code', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: EmployerKind;

  @Column({ type: 'varchar', length: 32 })
  industry!: Industry;

  /** GB/T 2260 code of where it is (county, township or village). */
  @Index('idx_employer_region')
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  /** The employer account that registered it; one employer per account. */
  @Index('uq_employer_owner', { unique: true })
  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /** The officer or admin who verified it. */
  @Column({ type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  /**
   * An officer refused the verification (POST /employers/:id/reject), with what to fix. Cleared by
   * the employer's next change (back in the queue) or by a verification.
   */
  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  rejectedBy!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectionReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
