import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SiteTravelTime } from './entities/site-travel-time.entity';
import type { RecordedSource, RecordedTrip, TravelMode } from './travel-trip';

/*
 * The only code that names the commute table (site_travel_time). It names no other feature's
 * table: the "recorded by" name of the page and the export comes from access's AccountsDirectory
 * (TravelTimesService.withNames), by the account ids in `recorded_by`.
 */

export interface TravelTimeFields {
  destinationRegionCode: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  mode: TravelMode;
  minutes: number;
  fare: number | null;
  firstDeparture: string | null;
  lastReturn: string | null;
  days: number[] | null;
  source: RecordedSource;
  note: string | null;
  employerId: string | null;
}

export interface TravelTimeRow extends RecordedTrip {
  note: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

const COLUMNS = `t.id, t.site_id AS "siteId", t.destination_region_code AS "destinationRegionCode",
  t.place_name AS "placeName", t.latitude, t.longitude, t.mode, t.minutes, t.fare::float8 AS fare,
  t.first_departure AS "firstDeparture", t.last_return AS "lastReturn", t.days, t.source, t.note,
  t.employer_id AS "employerId", t.recorded_by AS "recordedBy", t.recorded_at AS "recordedAt"`;

@Injectable()
export class CommuteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  /** Every recorded row of these sites (the planner's input). */
  async forSites(siteIds: readonly string[], m?: EntityManager): Promise<RecordedTrip[]> {
    if (siteIds.length === 0) return [];
    const rows: RecordedTrip[] = await this.q(m).query(
      `SELECT ${COLUMNS} FROM site_travel_time t WHERE t.site_id = ANY($1::uuid[])`,
      [[...new Set(siteIds)]],
    );
    return rows.map(strip);
  }

  /** One site's rows for its page and export, with who recorded each (an account id). */
  async forSite(siteId: string, m?: EntityManager): Promise<TravelTimeRow[]> {
    return this.q(m).query(
      `SELECT ${COLUMNS}
         FROM site_travel_time t
        WHERE t.site_id = $1
        ORDER BY coalesce(t.destination_region_code, ''), coalesce(t.place_name, ''), t.minutes, t.id`,
      [siteId],
    );
  }

  async one(siteId: string, id: string, m?: EntityManager): Promise<TravelTimeRow | null> {
    const rows: TravelTimeRow[] = await this.q(m).query(
      `SELECT ${COLUMNS}
         FROM site_travel_time t
        WHERE t.site_id = $1 AND t.id = $2`,
      [siteId, id],
    );
    return rows[0] ?? null;
  }

  async insert(siteId: string, f: TravelTimeFields, by: string, m?: EntityManager): Promise<string> {
    const saved = await this.q(m)
      .getRepository(SiteTravelTime)
      .save({ ...f, siteId, recordedBy: by, recordedAt: new Date() });
    return saved.id;
  }

  async delete(siteId: string, id: string, m?: EntityManager): Promise<boolean> {
    const r = await this.q(m).getRepository(SiteTravelTime).delete({ siteId, id });
    return (r.affected ?? 0) > 0;
  }

  /** Replaces a site's whole table (an import), inside the caller's transaction. */
  async replaceSite(siteId: string, rows: TravelTimeFields[], by: string, m: EntityManager): Promise<void> {
    await m.getRepository(SiteTravelTime).delete({ siteId });
    if (rows.length === 0) return;
    const now = new Date();
    await m
      .getRepository(SiteTravelTime)
      .insert(rows.map((f) => ({ ...f, siteId, recordedBy: by, recordedAt: now })));
  }

  /** Replaces the rows with this note (the road-network command's own rows) for one site. */
  async replaceNoted(
    siteId: string,
    note: string,
    rows: TravelTimeFields[],
    m: EntityManager,
  ): Promise<void> {
    await m.getRepository(SiteTravelTime).delete({ siteId, note });
    if (rows.length === 0) return;
    const now = new Date();
    await m
      .getRepository(SiteTravelTime)
      .insert(rows.map((f) => ({ ...f, siteId, recordedBy: null, recordedAt: now })));
  }
}

function strip(r: RecordedTrip): RecordedTrip {
  return {
    id: r.id,
    siteId: r.siteId,
    destinationRegionCode: r.destinationRegionCode,
    placeName: r.placeName,
    latitude: r.latitude,
    longitude: r.longitude,
    mode: r.mode,
    minutes: r.minutes,
    fare: r.fare,
    firstDeparture: r.firstDeparture,
    lastReturn: r.lastReturn,
    days: r.days,
    source: r.source,
    employerId: r.employerId,
  };
}
