import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from './role';

/** A person who signs in. The phone is personal data: encrypted, looked up by keyed HMAC. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_app_user_phone_hmac', { unique: true })
  @Column({ type: 'char', length: 64 })
  phoneHmac!: string;

  @Column({ type: 'text' })
  phoneEncrypted!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  scopeSiteIds!: string[];

  @Column({ type: 'varchar', length: 12, array: true, default: () => "'{}'" })
  scopeRegionCodes!: string[];

  @Index('idx_app_user_resident', { unique: true, where: 'resident_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
