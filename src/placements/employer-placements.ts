import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MonitoringStatus } from '../kernel/domain-enums';
import type { PlacementKind } from './placement-kind';

/** One placement at an employer, as the workshop register (issue 17 §1) reads it. */
export interface EmployerPlacement {
  placementId: string;
  residentId: string;
  /** The household's poverty-monitoring status today (whose work counts for a workshop). */
  householdStatus: MonitoringStatus;
  startDate: string;
  endDate: string | null;
  /** Yuan a month: the newest follow-up that recorded one, else the placement's own figure. */
  monthlyIncome: number | null;
}

interface Row extends Omit<EmployerPlacement, 'monthlyIncome'> {
  monthlyIncome: string | null;
}

/**
 * The placements module's read for the programmes: the placements of one kind at an employer
 * that overlap a period. Ids, dates and money only (no names); no scope check — the caller has
 * checked it may read the employer's register. The household's monitoring status is read with
 * the placement (a declared read of the household table, as casework's read model does), so the
 * register needs one query per workshop rather than a second round trip to the residents module.
 */
@Injectable()
export class EmployerPlacements {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overlapping(
    employerId: string,
    kind: PlacementKind,
    from: string,
    to: string,
  ): Promise<EmployerPlacement[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT p.id AS "placementId", p.resident_id AS "residentId", h.monitoring_status AS "householdStatus",
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
              COALESCE((SELECT f.monthly_income FROM placement_follow_up f
                         WHERE f.placement_id = p.id AND f.monthly_income IS NOT NULL
                         ORDER BY f.date DESC, f.created_at DESC LIMIT 1), p.monthly_income) AS "monthlyIncome"
         FROM placement p JOIN household h ON h.id = p.household_id
        WHERE p.employer_id = $1 AND p.kind = $2 AND p.start_date <= $4::date
          AND (p.end_date IS NULL OR p.end_date >= $3::date)
        ORDER BY p.start_date, p.id`,
      [employerId, kind, from, to],
    );
    return rows.map((r) => ({
      ...r,
      monthlyIncome: r.monthlyIncome === null ? null : Number(r.monthlyIncome),
    }));
  }
}
