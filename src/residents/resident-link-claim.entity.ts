import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An account that registered with the national ID of a roster resident and waits for proof that
 * it is that person (issue 12, finding 1): the one-time code sent to the roster's phone, or an
 * officer of the resident's site. Until then the account sees nothing of the roster record.
 */
@Entity('resident_link_claim')
@Index('idx_resident_link_claim_resident', ['residentId'])
export class ResidentLinkClaim {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_resident_link_claim_user', { unique: true })
  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  /** Keyed HMAC of the code sent to the roster phone; null when the roster has no phone. */
  @Column({ type: 'char', length: 64, nullable: true })
  codeHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  codeExpiresAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  codeAttempts!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
