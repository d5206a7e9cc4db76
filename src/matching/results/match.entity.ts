import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from './numeric';

export type MatchStatus = 'new' | 'referred' | 'dismissed';

/**
 * A stored result of ranking a posting: one row per (posting, resident) in the posting's top list.
 * Rows an officer acted on (referred, dismissed) survive re-ranking; the others are replaced.
 */
@Entity('match')
@Check('chk_match_status', "status IN ('new', 'referred', 'dismissed')")
// Storing a posting's list upserts on (posting_id, resident_id); GET /postings/:id/matches reads by posting.
@Index('uq_match_posting_resident', ['postingId', 'residentId'], { unique: true })
// The officers' work queue: GET /matches?siteId=&status=new ORDER BY score DESC
@Index('idx_match_site_status', ['siteId', 'status', 'score'])
// The officers' queue in its order (band, skills met, priority, score): migration OfficerQueue
@Index('idx_match_queue', { synchronize: false })
// The same order for one posting's matches (GET /matches?postingId=)
@Index('idx_match_posting_queue', { synchronize: false })
// Erasure / a resident's matches
@Index('idx_match_resident', ['residentId'])
export class Match {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postingId!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'integer' })
  postingVersion!: number;

  @Column({ type: 'integer', nullable: true })
  residentVersion!: number | null;

  /** Fit score 0–100 (one decimal); the household priority never changes it. */
  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericColumn })
  score!: number;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericColumn })
  priority!: number;

  @Column({ type: 'integer' })
  rank!: number;

  /**
   * The components, in COMPONENT_NAMES order: value 0–1 and the points it earned. Two real[] of 7
   * rather than a jsonb object: a county's lists are a million rows rewritten on the night after
   * an engine change, and the object form was half of each row and half of the time to store it.
   * componentsOf() turns them back into the API's object.
   */
  @Column({ type: 'real', array: true })
  componentValues!: number[];

  @Column({ type: 'real', array: true })
  componentPoints!: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredSkillsMissing!: string[];

  @Column({ type: 'numeric', precision: 7, scale: 1, nullable: true, transformer: numericColumn })
  distanceKm!: number | null;

  /** The trip from the resident's site when ranked, one way (null = unknown, or ranked before engine 2.1). */
  @Column({ type: 'smallint', nullable: true })
  travelMinutes!: number | null;

  /** measured | estimate | unknown (null: ranked before engine 2.1). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  travelSource!: string | null;

  @Column({ type: 'text' })
  reasonZh!: string;

  @Column({ type: 'text' })
  reasonEn!: string;

  /** The employer's reason: skills, distance, availability — never household situation. */
  @Column({ type: 'text', default: '' })
  employerReasonZh!: string;

  @Column({ type: 'text', default: '' })
  employerReasonEn!: string;

  @Column({ type: 'varchar', length: 16 })
  engineVersion!: string;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;

  /** The resident's site when ranked: officers' queues and notifications are per site. */
  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 16, default: 'new' })
  status!: MatchStatus;

  @Column({ type: 'text', nullable: true })
  dismissReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  referredApplicationId!: string | null;

  /** The officer who referred (app_user.id) and when. */
  @Column({ type: 'uuid', nullable: true })
  referredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  referredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  dismissedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt!: Date | null;
}
