import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ReferralWindow {
  /** The caller's name for the window (casework: the case id); each answer row carries it. */
  key: string;
  residentIds: readonly string[];
  /** A timestamptz as PostgreSQL prints it (`opened_at::text`), so the bound keeps its microseconds. */
  since: string;
}

export interface OfficerReferral {
  key: string;
  residentId: string;
  postingId: string;
  status: string;
}

/** The SQL behind ApplicationsDirectory.officerReferralsIn. */
@Injectable()
export class OfficerReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  in(windows: readonly ReferralWindow[]): Promise<OfficerReferral[]> {
    const keys: string[] = [];
    const residents: string[] = [];
    const since: string[] = [];
    for (const w of windows)
      for (const id of w.residentIds) {
        keys.push(w.key);
        residents.push(id);
        since.push(w.since);
      }
    if (!keys.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT w.key, ap.resident_id AS "residentId", ap.posting_id AS "postingId", ap.status
         FROM unnest($1::text[], $2::uuid[], $3::timestamptz[]) AS w(key, resident_id, since)
         JOIN application ap ON ap.resident_id = w.resident_id AND ap.created_at >= w.since
        WHERE ap.source = 'officer_referral'
        ORDER BY ap.created_at, ap.id`,
      [keys, residents, since],
    );
  }
}
