import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { Judgement, Quarter, QuarterFigures, WorkshopState } from './workshop-rules';
import { WorkshopQuarter } from './workshop-quarter.entity';
import { Workshop } from './workshop.entity';

/** The only code that names the workshop tables (workshop, workshop_quarter). */

export type NewWorkshop = Pick<
  Workshop,
  | 'employerId'
  | 'siteId'
  | 'type'
  | 'recognisedOn'
  | 'documentNo'
  | 'capacity'
  | 'seasonalMonths'
  | 'insuranceYuanPerWorkerMonth'
  | 'state'
  | 'pendingSince'
  | 'createdBy'
>;

export function isDuplicateEmployer(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; constraint?: string };
  return d.code === '23505' && d.constraint === 'uq_workshop_employer_live';
}

@Injectable()
export class WorkshopsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, row: NewWorkshop): Promise<string> {
    const r = await m.insert(Workshop, row);
    return (r.identifiers[0] as { id: string }).id;
  }

  get(id: string, m: EntityManager = this.dataSource.manager): Promise<Workshop | null> {
    return m.findOne(Workshop, { where: { id } });
  }

  /** The workshops of the sites, live ones first, then by recognition. */
  ofSites(siteIds: string[]): Promise<Workshop[]> {
    if (!siteIds.length) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(Workshop, 'w')
      .where('w.site_id = ANY(:siteIds)', { siteIds })
      .orderBy(`CASE WHEN w.state = 'cleared' THEN 1 ELSE 0 END`, 'ASC')
      .addOrderBy('w.recognised_on', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .getMany();
  }

  /** Every workshop not cleared (the daily evaluation). */
  live(): Promise<Workshop[]> {
    return this.dataSource.manager
      .createQueryBuilder(Workshop, 'w')
      .where(`w.state <> 'cleared'`)
      .orderBy('w.id')
      .getMany();
  }

  /**
   * Moves the workshop to the judged state only if nobody moved it since it was read (the same
   * state and buffer start): true when this call made the change, so a change is announced once
   * however many reads and jobs judge the workshop at the same time.
   */
  async moveState(
    m: EntityManager,
    w: Pick<Workshop, 'id' | 'state' | 'pendingSince'>,
    j: Pick<Judgement, 'state' | 'pendingSince'>,
    today: string,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(Workshop)
      .set({
        state: j.state,
        pendingSince: j.pendingSince,
        clearedOn: j.state === 'cleared' ? today : null,
      })
      .where('id = :id AND state = :state AND pending_since IS NOT DISTINCT FROM CAST(:since AS date)', {
        id: w.id,
        state: w.state,
        since: w.pendingSince,
      })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  async saveQuarter(
    m: EntityManager,
    workshopId: string,
    q: Quarter,
    asOf: string,
    f: QuarterFigures,
    state: WorkshopState,
    bufferUntil: string | null,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(WorkshopQuarter)
      .values({
        workshopId,
        year: q.year,
        quarter: q.quarter,
        asOf,
        workers: f.workers,
        supportedWorkers: f.supportedWorkers,
        monthsWorked: f.monthsWorked,
        wagesYuan: f.wagesYuan,
        state,
        bufferUntil,
        computedAt: () => 'now()',
      })
      .orUpdate(
        [
          'as_of',
          'workers',
          'supported_workers',
          'months_worked',
          'wages_yuan',
          'state',
          'buffer_until',
          'computed_at',
        ],
        ['workshop_id', 'year', 'quarter'],
      )
      .execute();
  }

  quarter(workshopId: string, q: Pick<Quarter, 'year' | 'quarter'>): Promise<WorkshopQuarter | null> {
    return this.dataSource.manager.findOne(WorkshopQuarter, {
      where: { workshopId, year: q.year, quarter: q.quarter },
    });
  }

  /** The quarters on record, newest first. */
  quarters(workshopId: string, limit = 8): Promise<WorkshopQuarter[]> {
    return this.dataSource.manager.find(WorkshopQuarter, {
      where: { workshopId },
      order: { year: 'DESC', quarter: 'DESC' },
      take: limit,
    });
  }
}
