import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordedSource, TravelMode } from '../travel-trip';

const fareColumn = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * One recorded way from a site to a destination (issue 16): a township or village (region code), or a
 * named place with coordinates, by one mode. Kept by the site's officers; the planner prefers these rows
 * to the straight-line estimate.
 */
@Entity('site_travel_time')
// The planner loads the rows of the sites of a ranking pass; the page lists one site's rows
@Index('idx_site_travel_time_site', ['siteId'])
@Check('chk_site_travel_time_mode', "mode IN ('bus', 'shuttle', 'walk', 'ebike', 'car')")
@Check('chk_site_travel_time_source', "source IN ('measured', 'estimate')")
@Check('chk_site_travel_time_minutes', 'minutes BETWEEN 1 AND 600')
@Check(
  'chk_site_travel_time_destination',
  'destination_region_code IS NOT NULL OR (place_name IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL)',
)
@Check(
  'chk_site_travel_time_times',
  "(first_departure IS NULL OR first_departure ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$') AND (last_return IS NULL OR last_return ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')",
)
export class SiteTravelTime {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  destinationRegionCode!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  placeName!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'varchar', length: 8 })
  mode!: TravelMode;

  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: fareColumn })
  fare!: number | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  firstDeparture!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  lastReturn!: string | null;

  /** ISO weekdays 1..7 it runs; null = every day. */
  @Column({ type: 'smallint', array: true, nullable: true })
  days!: number[] | null;

  @Column({ type: 'varchar', length: 10 })
  source!: RecordedSource;

  /** Where an 'estimate' row came from (e.g. the road-network command), or an officer's remark. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  /** An employer's own shuttle: only that employer's postings use it. */
  @Column({ type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
