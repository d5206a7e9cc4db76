import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { PostingStatus } from './posting-enums';
import { Posting } from './posting.entity';

/*
 * The postings' own SQL over the posting table, for PostingsService and PostingsDirectory (the
 * search has its own in posting-search.service.ts). Methods that take a manager run in the
 * caller's transaction; the others on the pool.
 */

/** What ScopePolicy needs about a posting, plus its title. */
export type PostingRefRow = Pick<Posting, 'id' | 'title' | 'employerId' | 'regionCode' | 'status'>;

export type PostingHiringRow = PostingRefRow &
  Pick<Posting, 'publicWelfare' | 'ageMin' | 'ageMax' | 'startDate' | 'wageMin' | 'wageMax' | 'wageUnit'>;

@Injectable()
export class PostingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async findById(id: string, m?: EntityManager): Promise<Posting | null> {
    return this.q(m).findOne(Posting, { where: { id } });
  }

  /** The row for a change, locked until the caller's transaction ends. */
  async lockById(m: EntityManager, id: string): Promise<Posting | null> {
    return m.findOne(Posting, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async refOf(id: string, m?: EntityManager): Promise<PostingRefRow | null> {
    return this.q(m).findOne(Posting, {
      where: { id },
      select: { id: true, title: true, employerId: true, regionCode: true, status: true },
    });
  }

  async hiringRowOf(id: string, m?: EntityManager): Promise<PostingHiringRow | null> {
    return this.q(m).findOne(Posting, {
      where: { id },
      select: {
        id: true,
        title: true,
        employerId: true,
        regionCode: true,
        status: true,
        publicWelfare: true,
        ageMin: true,
        ageMax: true,
        startDate: true,
        wageMin: true,
        wageMax: true,
        wageUnit: true,
      },
    });
  }

  async headlinesOf(ids: readonly string[]): Promise<Pick<Posting, 'id' | 'title' | 'publicWelfare'>[]> {
    return this.dataSource.manager.find(Posting, {
      where: { id: In([...ids]) },
      select: { id: true, title: true, publicWelfare: true },
    });
  }

  /** The public-welfare postings among these ids. */
  async publicWelfareAmong(ids: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM posting WHERE id = ANY($1::uuid[]) AND public_welfare`,
      [[...ids]],
    );
    return rows.map((r) => r.id);
  }

  async ofEmployer(m: EntityManager, employerId: string): Promise<Posting[]> {
    return m.find(Posting, { where: { employerId } });
  }

  /** One page of an employer's postings, newest first, and the total. */
  async pageOfEmployer(
    employerId: string,
    status: PostingStatus | undefined,
    skip: number,
    take: number,
  ): Promise<[Posting[], number]> {
    return this.dataSource.manager.findAndCount(Posting, {
      where: { employerId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  save(m: EntityManager, p: Posting): Promise<Posting> {
    return m.save(p);
  }

  async setTokens(m: EntityManager, p: Pick<Posting, 'id' | 'searchTokens' | 'titleTokens'>): Promise<void> {
    await m.update(Posting, { id: p.id }, { searchTokens: p.searchTokens, titleTokens: p.titleTokens });
  }

  async setHireCount(
    m: EntityManager,
    p: Pick<Posting, 'id' | 'hiredCount' | 'status' | 'closedAt' | 'version'>,
  ): Promise<void> {
    await m.update(
      Posting,
      { id: p.id },
      { hiredCount: p.hiredCount, status: p.status, closedAt: p.closedAt, version: p.version },
    );
  }

  /** Expires up to `batchSize` open postings past their expiresAt (a new version each); returns them. */
  async expireDueBatch(m: EntityManager, batchSize: number): Promise<{ id: string; version: number }[]> {
    return m.query(
      // A top-level SELECT, so the driver returns plain rows (an UPDATE … RETURNING comes back as [rows, count]).
      `WITH due AS (
         SELECT id FROM posting WHERE status = 'open' AND expires_at <= now()
          ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       expired AS (
         UPDATE posting p SET status = 'expired', version = p.version + 1, closed_at = now(), updated_at = now()
           FROM due WHERE p.id = due.id
         RETURNING p.id, p.version)
       SELECT id, version FROM expired`,
      [batchSize],
    );
  }
}
