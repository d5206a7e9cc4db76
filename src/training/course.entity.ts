import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type CourseStatus = 'open' | 'cancelled';

/** A skill a course teaches and the level (1–4) a graduate reaches. */
export interface CourseSkill {
  code: string;
  level: number;
}

/** A training course of a provider (DESIGN.md "Domain": Course). */
@Entity('course')
@Check('chk_course_dates', `end_date >= start_date`)
@Check('chk_course_capacity', `capacity > 0`)
@Check('chk_course_seats', `enrolled_count >= 0 AND enrolled_count <= capacity`)
@Check('chk_course_status', `status IN ('open', 'cancelled')`)
@Check('chk_course_place', `(latitude IS NULL) = (longitude IS NULL)`)
// "courses near a site that start soon": region prefix and start date filters
@Index('idx_course_region_start', ['regionCode', 'startDate'])
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The provider user who owns it (an officer's user id for officer-created courses). */
  @Index('idx_course_provider')
  @Column({ type: 'uuid' })
  providerUserId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  skills!: CourseSkill[];

  // "courses that teach skill X" (GET /courses?skill=, skill-gap courses): skill_codes && $codes
  @Index('idx_course_skill_codes', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skillCodes!: string[];

  /** The certificate type a graduate receives (e.g. `electrician`), if any. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  certificate!: string | null;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  /** A county (6 digits) or township (9 digits) GB/T 2260 code. */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'boolean', default: false })
  subsidized!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  subsidyNote!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: CourseStatus;

  /** Enrolments that hold a seat (every status but dropped); kept under the course row lock. */
  @Column({ type: 'integer', default: 0 })
  enrolledCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
