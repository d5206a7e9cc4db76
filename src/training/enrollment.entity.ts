import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Course } from './course.entity';

export type EnrollmentStatus = 'enrolled' | 'attending' | 'completed' | 'dropped';

export interface EnrollmentHistoryEntry {
  status: EnrollmentStatus;
  at: string;
  /** The user who made the change. */
  by: string;
}

/** A resident's place in a course (DESIGN.md "Domain": Enrolment). */
@Entity('enrollment')
@Check('chk_enrollment_status', `status IN ('enrolled', 'attending', 'completed', 'dropped')`)
// One live enrolment per resident and course; a dropped one does not block enrolling again.
@Index('uq_enrollment_course_resident_active', ['courseId', 'residentId'], {
  unique: true,
  where: `status <> 'dropped'`,
})
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  /** Declared only for the foreign key; code uses courseId. */
  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  // GET /enrollments?residentId=
  @Index('idx_enrollment_resident')
  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'varchar', length: 16, default: 'enrolled' })
  status!: EnrollmentStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  history!: EnrollmentHistoryEntry[];

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
