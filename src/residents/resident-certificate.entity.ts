import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A certificate or licence (driving_c1, electrician, health, forklift, welder …) with its expiry. */
@Entity('resident_certificate')
@Index('uq_resident_certificate_type', ['residentId', 'type'], { unique: true })
export class ResidentCertificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'date', nullable: true })
  expiresAt!: string | null;
}
