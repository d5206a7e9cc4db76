import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An outflow batch (a bus or a chartered train) to a partner city. It belongs to the site its
 * members live at (the officers of that site manage it); a liaison officer of the partner city
 * may be named, and then reads its members' names and work status, nothing else.
 */
@Entity('cooperation_batch')
@Index('idx_cooperation_batch_site', ['siteId', 'departureOn'])
@Index('idx_cooperation_batch_liaison', ['liaisonUserId'], { where: 'liaison_user_id IS NOT NULL' })
@Check('chk_cooperation_batch_transport', "transport IS NULL OR transport IN ('bus', 'train')")
export class CooperationBatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 50 })
  partnerCity!: string;

  @Column({ type: 'date' })
  departureOn!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  transport!: 'bus' | 'train' | null;

  /** The fair the members were recruited at, for the outcomes per fair. */
  @Column({ type: 'uuid', nullable: true })
  fairId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  liaisonUserId!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
