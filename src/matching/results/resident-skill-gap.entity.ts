import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from './numeric';

export interface MissingSkill {
  code: string;
  minLevel: number;
  /** Level held now (0 = not held). */
  level: number;
}

/** A posting the resident misses by one or two required skills (rank-resident), replaced per run. */
@Entity('resident_skill_gap')
export class ResidentSkillGap {
  @PrimaryColumn({ type: 'uuid' })
  residentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  postingId!: string;

  @Column({ type: 'jsonb' })
  missing!: MissingSkill[];

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericColumn })
  score!: number;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}
