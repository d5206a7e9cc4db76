import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** An administrative division, GB/T 2260 extended to townships (reference data, not edited). */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  // GET /regions?parentCode=
  @Index('idx_region_parent')
  @Column({ type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;
}
