import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numericColumn } from './numeric';

/**
 * A resident's top postings: replaced whole by rank-resident, and kept current row by row by
 * every ranked posting (RecommendationStore), so both sides of a match agree.
 */
@Entity('resident_recommendation')
// A ranked or closed posting finds the lists that hold it: WHERE posting_id = $1
@Index('idx_resident_recommendation_posting', ['postingId'])
export class ResidentRecommendation {
  // GET /residents/:id/recommendations: WHERE resident_id = $1 ORDER BY rank (the primary key serves it)
  @PrimaryColumn({ type: 'uuid' })
  residentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  postingId!: string;

  @Column({ type: 'integer' })
  postingVersion!: number;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericColumn })
  score!: number;

  @Column({ type: 'integer' })
  rank!: number;

  @Column({ type: 'text' })
  reasonZh!: string;

  @Column({ type: 'text' })
  reasonEn!: string;

  @Column({ type: 'varchar', length: 16 })
  engineVersion!: string;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}
