import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { yuanColumn } from './yuan-column';

/** One follow-up visit or call. Rows are only added, never overwritten: the history is kept. */
@Entity('placement_follow_up')
// A placement's follow-ups, newest first
@Index('idx_follow_up_placement', ['placementId', 'date'])
export class PlacementFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  placementId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'boolean' })
  stillEmployed!: boolean;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: yuanColumn })
  monthlyIncome!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
