import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A registration waiting for its phone's one-time code (POST /auth/register → …/verify). The
 * account exists only once the code comes back, so a phone proves it is the registrant's, and the
 * first answer is the same whether the phone is new or taken. The code is kept as a keyed HMAC,
 * the registration (name, password hash, national ID …) encrypted. One row per ticket: several
 * may wait for one phone, so a stranger starting again cannot erase the owner's (issue 12).
 */
@Entity('registration_code')
export class RegistrationCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_registration_code_phone')
  @Column({ type: 'char', length: 64 })
  phoneHmac!: string;

  /** Keyed HMAC of the ticket start handed out: the code works only with it. */
  @Index('uq_registration_code_ticket', { unique: true })
  @Column({ type: 'char', length: 64 })
  ticketHash!: string;

  @Column({ type: 'char', length: 64 })
  codeHash!: string;

  /** PiiCipher-encrypted JSON of the registration (PendingRegistration). */
  @Column({ type: 'text' })
  payloadEncrypted!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
