import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The "five things known" (五清) of a household, kept across its cases and updated as things change. */
@Entity('casework_ledger')
export class CaseLedger {
  @PrimaryColumn({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  familySituation!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  unemploymentCause!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  skillsNote!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  trainingWish!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  jobIntention!: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
