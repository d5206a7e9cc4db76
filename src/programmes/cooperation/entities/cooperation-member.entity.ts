import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A resident in a batch: departed with it, arrived (the arrival starts an away-from-home
 * placement through the placements feature), maybe returned home with a reason.
 */
@Entity('cooperation_member')
@Index('uq_cooperation_member', ['batchId', 'residentId'], { unique: true })
// One batch at a time: a resident is away with at most one batch not returned home.
@Index('uq_cooperation_member_away', ['residentId'], { unique: true, where: 'returned_on IS NULL' })
export class CooperationMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  batchId!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'date', nullable: true })
  arrivedOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  placementId!: string | null;

  /** The partner employer at arrival (from its posting, or named), for the outcomes per employer. */
  @Column({ type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  employerName!: string | null;

  @Column({ type: 'date', nullable: true })
  returnedOn!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  returnReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
