import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Course } from './course.entity';

/** One meeting of a course (a class day, a field practice). */
@Entity('course_session')
@Check('chk_course_session_times', `ends_at > starts_at`)
// GET /courses/:id lists its sessions by start
@Index('idx_course_session_course', ['courseId', 'startsAt'])
export class CourseSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  /** Declared only for the foreign key; code uses courseId. */
  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
