import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job fair of the east–west cooperation (劳务协作招聘会): held for a site, with the partner-city
 * employers that came and the postings they brought. The postings stay the postings feature's:
 * a fair only names them (their matching already reaches residents willing to work away).
 */
@Entity('cooperation_fair')
@Index('idx_cooperation_fair_site', ['siteId', 'heldOn'])
export class CooperationFair {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'varchar', length: 50 })
  partnerCity!: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  employerIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  postingIds!: string[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
