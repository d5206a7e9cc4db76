import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlacementKind } from './placement-kind';

/** A placement with its follow-ups, as the programmes (issue 17) read it. */
export interface PlacementWithFollowUps {
  id: string;
  residentId: string;
  kind: PlacementKind;
  partnerCity: string | null;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
  applicationId: string | null;
  followUps: { date: string; stillEmployed: boolean }[];
}

interface Row extends Omit<PlacementWithFollowUps, 'followUps' | 'monthlyIncome'> {
  monthlyIncome: string | null;
  followUps: { date: string; stillEmployed: boolean }[] | null;
}

/**
 * The placements module's read for the programmes: placements of some kinds of the given
 * residents, each with its follow-ups by date. No scope check (the caller checked the residents).
 */
@Injectable()
export class PlacementHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofResidents(
    residentIds: string[],
    kinds: readonly PlacementKind[],
  ): Promise<PlacementWithFollowUps[]> {
    if (!residentIds.length || !kinds.length) return [];
    const rows: Row[] = await this.dataSource.query(
      `SELECT p.id, p.resident_id AS "residentId", p.kind, p.partner_city AS "partnerCity",
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
              p.monthly_income AS "monthlyIncome", p.application_id AS "applicationId",
              (SELECT json_agg(json_build_object('date', to_char(f.date, 'YYYY-MM-DD'), 'stillEmployed', f.still_employed)
                        ORDER BY f.date)
                 FROM placement_follow_up f WHERE f.placement_id = p.id) AS "followUps"
         FROM placement p
        WHERE p.resident_id = ANY($1::uuid[]) AND p.kind = ANY($2::text[])
        ORDER BY p.start_date, p.id`,
      [residentIds, kinds],
    );
    return rows.map((r) => ({
      ...r,
      monthlyIncome: r.monthlyIncome === null ? null : Number(r.monthlyIncome),
      followUps: r.followUps ?? [],
    }));
  }
}
