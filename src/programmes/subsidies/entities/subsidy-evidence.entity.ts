import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EvidenceItem, SubsidyProgramme } from '../subsidies-config';

export type StoredEvidenceStatus = 'provided' | 'verified';

/**
 * An officer's mark on one evidence item of a resident's subsidy: seen (provided) or checked
 * (verified). Only the mark is kept, never the document or a bank account number (PIPL art. 28:
 * financial accounts are sensitive). "Missing" is the absence of a row.
 */
@Entity('subsidy_evidence')
@Index('uq_subsidy_evidence_item', ['residentId', 'programme', 'item'], { unique: true })
@Check('chk_subsidy_evidence_status', "status IN ('provided', 'verified')")
export class SubsidyEvidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'varchar', length: 24 })
  programme!: SubsidyProgramme;

  @Column({ type: 'varchar', length: 32 })
  item!: EvidenceItem;

  @Column({ type: 'varchar', length: 12 })
  status!: StoredEvidenceStatus;

  @Column({ type: 'uuid' })
  setBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
