import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Industry, Schedule, WageUnit } from '../kernel/domain-enums';
import type { PostingStatus } from './posting-enums';

/** numeric(10,2) comes back from pg as a string; money is a number on the wire. */
const YUAN = {
  to: (v: number | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

export interface PostingSkill {
  code: string;
  /** 1 (beginner) … 4 (certified master). */
  minLevel: number;
  /** Required skills are hard requirements for matching; the others are preferred. */
  required: boolean;
}

/** A job posting (DESIGN.md "Domain"). Indexes that entities cannot express are in the migration. */
@Entity('posting')
@Check('chk_posting_status', "status IN ('draft', 'open', 'filled', 'closed', 'expired')")
@Check('chk_posting_wage', 'wage_min >= 0 AND wage_max >= wage_min')
@Check('chk_posting_headcount', 'headcount BETWEEN 1 AND 10000 AND hired_count BETWEEN 0 AND headcount')
@Check('chk_posting_age', 'age_min IS NULL OR age_max IS NULL OR age_min <= age_max')
// GET /postings?q=: WHERE status = 'open' AND search_tokens && $group … (GIN, partial)
@Index('idx_posting_open_search_tokens', { synchronize: false })
// GET /postings?siteId=&maxDistanceKm=: WHERE status = 'open' AND latitude BETWEEN … AND longitude BETWEEN …
@Index('idx_posting_open_location', { synchronize: false })
// GET /postings (sort=newest, and the default without q): WHERE status = 'open' ORDER BY published_at DESC
@Index('idx_posting_open_published', { synchronize: false })
// GET /postings?industry=: WHERE status = 'open' AND industry = $1 ORDER BY published_at DESC
@Index('idx_posting_open_industry', { synchronize: false })
// expireDue(): WHERE status = 'open' AND expires_at <= now()
@Index('idx_posting_open_expires', { synchronize: false })
// The matching loader, for residents willing to work away: WHERE status = 'open' AND accommodation
@Index('idx_posting_open_accommodation', { synchronize: false })
export class Posting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // GET /postings/mine, GET /employers/:id/postings: WHERE employer_id = $1 ORDER BY created_at DESC
  @Index('idx_posting_employer')
  @Column({ type: 'uuid' })
  employerId!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 32 })
  industry!: Industry;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  skills!: PostingSkill[];

  /** Codes of the required skills (for matching queries: `required_skill_codes <@ $resident_codes`). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredSkillCodes!: string[];

  /** Codes of all skills, required or preferred. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skillCodes!: string[];

  /** Certificate types a worker must hold (driving licence class, electrician, health certificate …). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  certificates!: string[];

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ type: 'integer', default: 0 })
  hiredCount!: number;

  /** Yuan per `wageUnit`. */
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: YUAN })
  wageMin!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: YUAN })
  wageMax!: number;

  @Column({ type: 'varchar', length: 8 })
  wageUnit!: WageUnit;

  @Column({ type: 'varchar', length: 16 })
  schedule!: Schedule;

  /** Where the work is (GB/T 2260). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  /**
   * The workplace was not located (coordinates are optional on the employer's form): latitude and
   * longitude are a stand-in (the employer's location), so every distance to it is "about", never
   * exact, and never 0 km by construction. Cleared when the employer gives coordinates.
   */
  @Column({ type: 'boolean', default: false })
  locationApproximate!: boolean;

  @Column({ type: 'boolean', default: false })
  accommodation!: boolean;

  @Column({ type: 'boolean', default: false })
  meals!: boolean;

  /** A shuttle runs from the resettlement site to the workplace. */
  @Column({ type: 'boolean', default: false })
  shuttle!: boolean;

  /** A public-welfare post (公益性岗位). */
  @Column({ type: 'boolean', default: false })
  publicWelfare!: boolean;

  @Column({ type: 'smallint', nullable: true })
  ageMin!: number | null;

  @Column({ type: 'smallint', nullable: true })
  ageMax!: number | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  /** When the shift starts and ends, 'HH:MM' pilot time (null = not stated): matching's shift filter. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  shiftStart!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  shiftEnd!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: PostingStatus;

  /** Increases on every change that matters for matching; with the id it names outbox jobs. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** When it stopped taking applications (filled, closed or expired). */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** documentTokens(title, description, employer name, skill names and synonyms) + skill concept tags. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  searchTokens!: string[];

  /** The title's tokens: a query word found in the title weighs more in relevance. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  titleTokens!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
