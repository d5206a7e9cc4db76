import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { yuanColumn } from './yuan-column';
import type { PlacementKind } from './placement-kind';

/**
 * A resident at work (DESIGN.md "Domain"): from a hire, or recorded by an officer. Active while
 * endDate is null. Household and site are copied at the start, for the site's lists and figures.
 */
@Entity('placement')
@Check(
  'chk_placement_kind',
  "kind IN ('local_enterprise', 'workshop', 'public_welfare', 'self_employed', 'away_from_home')",
)
@Check('chk_placement_dates', 'end_date IS NULL OR end_date >= start_date')
@Check('chk_placement_away_partner', "kind <> 'away_from_home' OR partner_city IS NOT NULL")
@Check('chk_placement_income', 'monthly_income IS NULL OR monthly_income >= 0')
// Is the resident still at work elsewhere? Public-welfare rules (one post per person / household).
@Index('idx_placement_active_resident', ['residentId'], { where: 'end_date IS NULL' })
@Index('idx_placement_active_household', ['householdId', 'kind'], { where: 'end_date IS NULL' })
// GET /placements?siteId=&active= and the follow-up job (active placements by start date)
@Index('idx_placement_site', ['siteId', 'startDate'])
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'uuid', nullable: true })
  postingId!: string | null;

  @Index('uq_placement_application', { unique: true, where: 'application_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  employerName!: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: PlacementKind;

  /** East–west labour cooperation: where a resident working away went (e.g. 杭州). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  partnerCity!: string | null;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  endReason!: string | null;

  /** Yuan a month; estimated from the posting's wage on a hire, or as recorded. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: yuanColumn })
  monthlyIncome!: number | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
