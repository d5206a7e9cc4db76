import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SkillSource } from './enums';

/** A skill a resident holds, at a level, with where the level came from. */
@Entity('resident_skill')
@Check('chk_resident_skill_level', 'level BETWEEN 1 AND 4')
// Matching: residents holding any of a posting's skills (skill_code = ANY(...))
@Index('idx_resident_skill_code', ['skillCode'])
export class ResidentSkill {
  @PrimaryColumn({ type: 'uuid' })
  residentId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  skillCode!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ type: 'varchar', length: 16 })
  source!: SkillSource;

  /** E.g. the course id that granted it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceRef!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
