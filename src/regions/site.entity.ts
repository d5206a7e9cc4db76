import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ChannelType = 'wecom' | 'dingtalk' | 'email';

/** Where a site's officers want match and risk notifications, besides the in-app inbox. */
export interface SiteChannel {
  type: ChannelType;
  /** A robot webhook URL (WeCom / DingTalk) or an e-mail address. */
  target: string;
}

/** A resettlement site (易地扶贫搬迁集中安置点) inside a township. */
@Entity('site')
export class Site {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('idx_site_region')
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'date', nullable: true })
  openedOn!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  channels!: SiteChannel[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
