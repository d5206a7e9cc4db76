import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { MonitoringStatus } from '../kernel/domain-enums';

/**
 * A relocated household: lives at a site, registered in its origin region (the "dual
 * jurisdiction": officers of the site manage it, officers of the origin region read it).
 * The member figures are derived (household-figures.ts) in the transaction of every change.
 */
@Entity('household')
// GET /households?siteId=&zeroEmployment=, the site summary and the officers' queue
@Index('idx_household_site_zero', ['siteId', 'zeroEmployment'])
// The site's household by its number; the numbering trigger relies on the uniqueness
@Index('uq_household_site_number', ['siteId', 'number'], { unique: true })
@Check('chk_household_monitoring_status', "monitoring_status IN ('none', 'unstable', 'marginal', 'hardship')")
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  /**
   * The short number the site's officers call the household by (1, 2, 3… per site, in order of
   * registration): assigned by a trigger on insert (migration HouseholdNumberContacts), so leave
   * it unset when creating a household.
   */
  @Column({ type: 'integer' })
  number!: number;

  /** Any GB/T 2260 code (county, township or village) where the household is registered. */
  // Origin-region officers' lists: origin_region_code LIKE '<scope>%'
  @Index('idx_household_origin_region')
  @Column({ type: 'varchar', length: 12 })
  originRegionCode!: string;

  @Column({ type: 'varchar', length: 16, default: 'none' })
  monitoringStatus!: MonitoringStatus;

  @Column({ type: 'integer', default: 0 })
  laborCapableMembers!: number;

  @Column({ type: 'integer', default: 0 })
  employedMembers!: number;

  /** Has labour (laborCapableMembers > 0) and no one at work (零就业家庭). */
  @Column({ type: 'boolean', default: false })
  zeroEmployment!: boolean;

  /** When the household last became zero-employment; null while it is not. */
  @Column({ type: 'timestamptz', nullable: true })
  atRiskSince!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
