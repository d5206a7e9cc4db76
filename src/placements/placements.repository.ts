import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SqlCondition } from '../kernel/sql-condition';
import type { PlacementKind } from './placement-kind';
import { PlacementFollowUp } from './placement-follow-up.entity';
import { Placement } from './placement.entity';

/*
 * The placements' own SQL over the placement and placement_follow_up tables, for
 * PlacementsService and the reads other features make (EmployerPlacements, PlacementHistory).
 * Methods that take a manager run in the caller's transaction; the others on the pool. Scope
 * conditions arrive as SQL fragments from the residents feature, which names its own tables.
 */

/** What a placement list filters on, besides the caller's scope. */
export interface PlacementFilter {
  siteId?: string;
  residentId?: string;
  kind?: PlacementKind;
  active?: boolean;
}

/** One placement of an employer, as the workshop register reads it (household status apart). */
export interface EmployerPlacementRow {
  placementId: string;
  residentId: string;
  householdId: string;
  startDate: string;
  endDate: string | null;
  /** Yuan a month: the newest follow-up that recorded one, else the placement's own figure. */
  monthlyIncome: number | null;
}

/** A placement with its follow-ups by date, as the programmes read it. */
export interface PlacementHistoryRow {
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

type NewPlacement = Omit<Placement, 'id' | 'createdAt' | 'updatedAt'>;
type NewFollowUp = Omit<PlacementFollowUp, 'id' | 'createdAt'>;

const money = (v: string | null): number | null => (v === null ? null : Number(v));

@Injectable()
export class PlacementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  findById(id: string, m?: EntityManager): Promise<Placement | null> {
    return this.q(m).findOne(Placement, { where: { id } });
  }

  /** The row locked until the caller's transaction ends: `write` to change it, `read` to add to it. */
  lockById(m: EntityManager, id: string, mode: 'write' | 'read'): Promise<Placement | null> {
    return m.findOne(Placement, {
      where: { id },
      lock: { mode: mode === 'write' ? 'pessimistic_write' : 'pessimistic_read' },
    });
  }

  /** The residents holding an active public-welfare post in this household. */
  async publicWelfareHoldersOf(m: EntityManager, householdId: string): Promise<string[]> {
    const rows: { resident_id: string }[] = await m.query(
      `SELECT resident_id FROM placement
        WHERE household_id = $1 AND kind = 'public_welfare' AND end_date IS NULL`,
      [householdId],
    );
    return rows.map((r) => r.resident_id);
  }

  /** How many of the resident's placements, other than `exceptId`, have not ended. */
  async activeCountOf(m: EntityManager, residentId: string, exceptId: string): Promise<number> {
    const rows: { n: string }[] = await m.query(
      'SELECT count(*) AS n FROM placement WHERE resident_id = $1 AND end_date IS NULL AND id <> $2',
      [residentId, exceptId],
    );
    return Number(rows[0].n);
  }

  insert(m: EntityManager, p: NewPlacement): Promise<Placement> {
    return m.save(m.create(Placement, p));
  }

  async end(m: EntityManager, id: string, endDate: string, endReason: string): Promise<void> {
    await m.update(Placement, { id }, { endDate, endReason });
  }

  insertFollowUp(m: EntityManager, f: NewFollowUp): Promise<PlacementFollowUp> {
    return m.save(m.create(PlacementFollowUp, f));
  }

  followUpsOf(placementId: string): Promise<PlacementFollowUp[]> {
    return this.dataSource.manager.find(PlacementFollowUp, {
      where: { placementId },
      order: { date: 'ASC', createdAt: 'ASC' },
    });
  }

  /**
   * One page of the placements the actor reads, latest start first, and the total; `readable`
   * makes the actor's scope on the household-id column it is given (HouseholdsDirectory.readableBy).
   */
  async page(
    readable: (householdIdColumn: string) => SqlCondition,
    f: PlacementFilter,
    skip: number,
    take: number,
  ): Promise<[Placement[], number]> {
    const scope = readable('p.household_id');
    const qb = this.dataSource.manager
      .createQueryBuilder(Placement, 'p')
      .where(scope.sql, { ...scope.params })
      .orderBy('p.startDate', 'DESC')
      .addOrderBy('p.id', 'ASC');
    if (f.siteId) qb.andWhere('p.site_id = :siteId', { siteId: f.siteId });
    if (f.residentId) qb.andWhere('p.resident_id = :residentId', { residentId: f.residentId });
    if (f.kind) qb.andWhere('p.kind = :kind', { kind: f.kind });
    if (f.active === true) qb.andWhere('p.end_date IS NULL');
    if (f.active === false) qb.andWhere('p.end_date IS NOT NULL');
    const total = await qb.getCount();
    const rows = await qb.offset(skip).limit(take).getMany();
    return [rows, total];
  }

  /** The placements of one kind at an employer that overlap [from, to], by start. */
  async overlappingAtEmployer(
    employerId: string,
    kind: PlacementKind,
    from: string,
    to: string,
  ): Promise<EmployerPlacementRow[]> {
    const rows: (Omit<EmployerPlacementRow, 'monthlyIncome'> & { monthlyIncome: string | null })[] =
      await this.dataSource.query(
        `SELECT p.id AS "placementId", p.resident_id AS "residentId", p.household_id AS "householdId",
                to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
                COALESCE((SELECT f.monthly_income FROM placement_follow_up f
                           WHERE f.placement_id = p.id AND f.monthly_income IS NOT NULL
                           ORDER BY f.date DESC, f.created_at DESC LIMIT 1), p.monthly_income) AS "monthlyIncome"
           FROM placement p
          WHERE p.employer_id = $1 AND p.kind = $2 AND p.start_date <= $4::date
            AND (p.end_date IS NULL OR p.end_date >= $3::date)
          ORDER BY p.start_date, p.id`,
        [employerId, kind, from, to],
      );
    return rows.map((r) => ({ ...r, monthlyIncome: money(r.monthlyIncome) }));
  }

  /** Placements of these kinds of these residents, by start, each with its follow-ups by date. */
  async historyOf(residentIds: string[], kinds: readonly PlacementKind[]): Promise<PlacementHistoryRow[]> {
    const rows: (Omit<PlacementHistoryRow, 'followUps' | 'monthlyIncome'> & {
      monthlyIncome: string | null;
      followUps: { date: string; stillEmployed: boolean }[] | null;
    })[] = await this.dataSource.query(
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
    return rows.map((r) => ({ ...r, monthlyIncome: money(r.monthlyIncome), followUps: r.followUps ?? [] }));
  }
}
