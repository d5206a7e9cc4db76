import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ContactKind } from './contact-kind';

/**
 * An officer's contact with a resident (a call, a home visit, a WeChat message): the "131"
 * help a zero-employment household is owed is proven by these. The note is the officer's words;
 * the casework (issue 13) will read the same table.
 */
@Entity('contact')
// The resident page: a resident's contacts, newest first
@Index('idx_contact_resident', ['residentId', 'date'])
@Check('chk_contact_kind', "kind IN ('phone', 'visit', 'wechat')")
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: ContactKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
