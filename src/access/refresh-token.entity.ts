import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A refresh token, stored as its SHA-256 (the token itself is 32 random bytes). */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_refresh_token_session')
  @Column({ type: 'uuid' })
  sessionId!: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set when the token was exchanged; presenting it again is reuse. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
