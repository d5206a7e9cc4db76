import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Employer } from './employer.entity';

/*
 * The only code naming the employer table, for EmployersService. Methods that take a manager run
 * in the caller's transaction; the others on the pool.
 */

/** What an employer registers with; verification starts empty. */
export type NewEmployer = Pick<
  Employer,
  | 'name'
  | 'creditCode'
  | 'kind'
  | 'industry'
  | 'regionCode'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'ownerUserId'
  | 'verifiedAt'
  | 'verifiedBy'
>;

/** A page of the employers list: area prefixes (null: all) and the verification filter. */
export interface EmployerListFilter {
  regionPrefixes: string[] | null;
  /** false: the queue (neither verified nor refused); true: verified; undefined: all. */
  verified?: boolean;
  skip: number;
  take: number;
}

@Injectable()
export class EmployersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<Employer | null> {
    return m.findOne(Employer, { where: { id } });
  }

  /** The row for a change, locked until the caller's transaction ends. */
  lockById(m: EntityManager, id: string): Promise<Employer | null> {
    return m.findOne(Employer, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  hasCreditCode(m: EntityManager, creditCode: string): Promise<boolean> {
    return m.exists(Employer, { where: { creditCode } });
  }

  hasOwner(m: EntityManager, ownerUserId: string): Promise<boolean> {
    return m.exists(Employer, { where: { ownerUserId } });
  }

  add(m: EntityManager, e: NewEmployer): Promise<Employer> {
    return m.save(m.create(Employer, e));
  }

  save(m: EntityManager, e: Employer): Promise<Employer> {
    return m.save(e);
  }

  /** Ids and names of these employers (unknown ids are left out). */
  namesOf(ids: string[]): Promise<Pick<Employer, 'id' | 'name'>[]> {
    return this.dataSource.manager
      .createQueryBuilder(Employer, 'e')
      .select(['e.id', 'e.name'])
      .where('e.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** One page of employers, oldest registration first, and the total. */
  page(f: EmployerListFilter): Promise<[Employer[], number]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Employer, 'e')
      .orderBy('e.createdAt', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if (f.regionPrefixes !== null) {
      qb.andWhere("e.region_code LIKE ANY(ARRAY(SELECT unnest(CAST(:prefixes AS text[])) || '%'))", {
        prefixes: f.regionPrefixes,
      });
    }
    // The queue: neither verified nor refused (a refused employer returns when it changes something).
    if (f.verified === false) qb.andWhere('e.verified_at IS NULL AND e.rejected_at IS NULL');
    if (f.verified === true) qb.andWhere('e.verified_at IS NOT NULL');
    return qb.skip(f.skip).take(f.take).getManyAndCount();
  }
}
