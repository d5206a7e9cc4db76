import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The claims of one site and period, posted together as one public notice roster (公示名单). */
@Entity('subsidy_batch')
// One batch per site and period: claims filed concurrently join the same one (ON CONFLICT).
@Index('uq_subsidy_batch_site_period', ['siteId', 'period'], { unique: true })
export class SubsidyBatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  /** `2026`, `2026-Q3` or `2026-09` (subsidy-periods.ts). */
  @Column({ type: 'varchar', length: 8 })
  period!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
