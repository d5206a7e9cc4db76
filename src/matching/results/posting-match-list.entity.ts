import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a posting's stored match list was computed from (a hash of the ranked residents, their
 * scores, priorities, sites and versions, and the engine, configuration and skill names). The
 * nightly re-rank compares it before explaining and storing: a list that did not change is left
 * as it is, which is most lists on most nights (test/bench "full county re-rank").
 */
@Entity('posting_match_list')
export class PostingMatchList {
  @PrimaryColumn({ type: 'uuid' })
  postingId!: string;

  @Column({ type: 'int' })
  postingVersion!: number;

  @Column({ type: 'varchar', length: 64 })
  listHash!: string;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;

  /**
   * What the residents' side was last merged from (SeekerHashes.fingerprint): a re-rank finding
   * the same skips the merge. Null: not merged by a re-rank since (or ever).
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  scoresHash!: string | null;
}
