import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EmploymentStatus, Industry, LaborCapacity, Schedule } from '../kernel/domain-enums';
import type { Education, Gender, ResidentStatus } from './enums';
import { numericColumn } from './numeric-transformer';

/**
 * A member of a household. Personal identifiers are encrypted (PiiCipher) and found through a
 * keyed HMAC; the clear national ID is never stored. Ethnicity, health and religion are not
 * recorded at all (DESIGN.md "Domain").
 */
@Entity('resident')
// GET /residents?siteId= and the matching loaders (candidates per site)
@Index('idx_resident_site', ['siteId', 'status'])
@Index('idx_resident_household', ['householdId'])
// The matching loaders' job seekers (partial, with INCLUDE): see migration MatchingLoadIndexes
@Index('idx_resident_seeking', { synchronize: false })
@Index('idx_resident_seeking_away', { synchronize: false })
@Check('chk_resident_gender', "gender IN ('female', 'male')")
@Check('chk_resident_labor_capacity', "labor_capacity IN ('full', 'partial', 'none')")
@Check(
  'chk_resident_employment_status',
  "employment_status IN ('employed', 'unemployed', 'not_seeking', 'student', 'retired')",
)
@Check('chk_resident_status', "status IN ('active', 'pending')")
// An active (officer-confirmed) resident always has a verified national ID.
@Check(
  'chk_resident_active_identity',
  "status <> 'active' OR erased_at IS NOT NULL OR (national_id_hmac IS NOT NULL AND birth_date IS NOT NULL AND gender IS NOT NULL)",
)
export class Resident {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  /** Copied from the household, so matching can select residents by site without a join. */
  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Null only for a pending self-registration without a national ID. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender!: Gender | null;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', nullable: true })
  nationalIdEncrypted!: string | null;

  // Lookup and duplicate check: hmac('national_id', id); pending residents may have none.
  @Index('uq_resident_national_id_hmac', { unique: true, where: 'national_id_hmac IS NOT NULL' })
  @Column({ type: 'char', length: 64, nullable: true })
  nationalIdHmac!: string | null;

  /** First 6 and last 4 characters. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  nationalIdMasked!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  /** Not unique: family members often share one phone. */
  @Index('idx_resident_phone_hmac')
  @Column({ type: 'char', length: 64, nullable: true })
  phoneHmac!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  education!: Education | null;

  @Column({ type: 'varchar', length: 8 })
  laborCapacity!: LaborCapacity;

  @Column({ type: 'varchar', length: 16 })
  employmentStatus!: EmploymentStatus;

  /** Separate consent (PIPL art. 29) to show the profile to employers. */
  @Column({ type: 'boolean', default: false })
  consentToShare!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prefIndustries!: Industry[];

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  prefWageMin!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prefSchedules!: Schedule[];

  /** An older client's limit in km; used (converted by config/commute.yaml minutesPerKm) while no minutes are stated. */
  @Column({ type: 'numeric', precision: 7, scale: 1, nullable: true, transformer: numericColumn })
  prefMaxCommuteKm!: number | null;

  /** The longest trip the resident accepts, one way, minutes (issue 16); null = km converted, or the default. */
  @Column({ type: 'smallint', nullable: true })
  prefMaxCommuteMinutes!: number | null;

  @Column({ type: 'boolean', default: false })
  willingToWorkAway!: boolean;

  /** Opt-in to job alerts. */
  @Column({ type: 'boolean', default: false })
  jobAlerts!: boolean;

  /** Looks after children or elderly relatives: needs work near home or flexible hours. */
  @Column({ type: 'boolean', default: false })
  careDuties!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Column({ type: 'varchar', length: 8, default: 'active' })
  status!: ResidentStatus;

  /** Increases on every change that matters for matching; with the id it forms the job id. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Personal data erased on request (PIPL); the row stays for the statistics. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
