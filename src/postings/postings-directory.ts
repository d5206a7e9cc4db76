import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PostingRef } from '../access/scope/scope-policy';
import { ConflictError, NotFoundError } from '../kernel/domain-errors';
import { OutboxService } from '../platform/database/outbox.service';
import { announcePostingChange } from './posting-events';
import type { Posting } from './posting.entity';
import { PostingsRepository } from './postings.repository';

/** A posting as the applications and placements modules see it (PostingsDirectory.hiringTerms). */
export type PostingHiringTerms = PostingRef &
  Pick<
    Posting,
    'id' | 'title' | 'publicWelfare' | 'ageMin' | 'ageMax' | 'startDate' | 'wageMin' | 'wageMax' | 'wageUnit'
  >;

export interface PostingHeadline {
  title: string;
  publicWelfare: boolean;
}

/**
 * What other features (applications, matching, placements, programmes) call on postings: small
 * reads by id, and the one write they make, counting a hire in their transaction. The employer's
 * own API is PostingsService.
 */
@Injectable()
export class PostingsDirectory {
  constructor(
    private readonly repo: PostingsRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** What ScopePolicy needs about a posting, plus its title; null when there is none. */
  async postingRef(
    id: string,
    manager?: EntityManager,
  ): Promise<(PostingRef & { id: string; title: string }) | null> {
    const p = await this.repo.refOf(id, manager);
    return p
      ? { id: p.id, title: p.title, employerId: p.employerId, regionCode: p.regionCode, status: p.status }
      : null;
  }

  /**
   * What applying and hiring need about a posting (applications, placements): its scope shape,
   * title, public-welfare flag and age range, start date and wage. Null when there is none.
   */
  async hiringTerms(id: string, manager?: EntityManager): Promise<PostingHiringTerms | null> {
    const p = await this.repo.hiringRowOf(id, manager);
    if (!p) return null;
    return {
      id: p.id,
      title: p.title,
      employerId: p.employerId,
      regionCode: p.regionCode,
      status: p.status,
      publicWelfare: p.publicWelfare,
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      startDate: p.startDate,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      wageUnit: p.wageUnit,
    };
  }

  /** Title and public-welfare flag by posting id, for lists of applications. */
  async headlinesOf(ids: string[]): Promise<Map<string, PostingHeadline>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.repo.headlinesOf(unique);
    return new Map(rows.map((p) => [p.id, { title: p.title, publicWelfare: p.publicWelfare }]));
  }

  /** Which of these postings are public-welfare posts (for another module's ordering). */
  async publicWelfareAmong(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Set();
    return new Set(await this.repo.publicWelfareAmong(unique));
  }

  /**
   * Counts a hire in the caller's transaction; the hire that reaches the headcount fills the
   * posting (a new version, announced through the outbox). 409 unless the posting is open.
   */
  async recordHire(manager: EntityManager, postingId: string): Promise<{ status: string }> {
    const p = await this.repo.lockById(manager, postingId);
    if (!p) throw new NotFoundError('Posting');
    if (p.status !== 'open')
      throw new ConflictError(`The posting is ${p.status}, not open`, 'posting.not_open');
    p.hiredCount += 1;
    if (p.hiredCount >= p.headcount) {
      p.status = 'filled';
      p.closedAt = new Date();
      p.version += 1;
    }
    await this.repo.setHireCount(manager, p);
    if (p.status === 'filled') await announcePostingChange(this.outbox, manager, p);
    return { status: p.status };
  }
}
