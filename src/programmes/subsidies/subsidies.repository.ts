import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { ConflictError } from '../../kernel/domain-errors';
import { SubsidyBatch } from './entities/subsidy-batch.entity';
import { SubsidyClaim } from './entities/subsidy-claim.entity';
import { SubsidyEvidence, type StoredEvidenceStatus } from './entities/subsidy-evidence.entity';
import type { EvidenceItem, SubsidyProgramme } from './subsidies-config';

/*
 * The only code that names the subsidy tables (subsidy_batch, subsidy_claim, subsidy_evidence).
 * Facts from other features come through their read services (SubsidiesService), never here.
 */

export interface NewClaim {
  residentId: string;
  siteId: string;
  programme: SubsidyProgramme;
  period: string;
  amount: number;
  basis: Record<string, unknown>;
  filedBy: string;
}

/** Decides whether an earlier claim of the resident stands in the way of the new one. */
export type ClaimConflict = (earlier: SubsidyClaim) => string | null;

@Injectable()
export class SubsidiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Officers' marks by resident, then item, for one programme. */
  async evidenceOf(
    residentIds: string[],
    programme: SubsidyProgramme,
  ): Promise<Map<string, Map<EvidenceItem, StoredEvidenceStatus>>> {
    const out = new Map<string, Map<EvidenceItem, StoredEvidenceStatus>>();
    if (!residentIds.length) return out;
    const rows = await this.dataSource.manager
      .createQueryBuilder(SubsidyEvidence, 'e')
      .where('e.resident_id = ANY(:ids)', { ids: residentIds })
      .andWhere('e.programme = :programme', { programme })
      .getMany();
    for (const r of rows) {
      if (!out.has(r.residentId)) out.set(r.residentId, new Map());
      out.get(r.residentId)!.set(r.item, r.status);
    }
    return out;
  }

  /** Sets (or, with null, clears) an officer's mark, in the caller's transaction. */
  async setEvidence(
    m: EntityManager,
    key: { residentId: string; programme: SubsidyProgramme; item: EvidenceItem },
    status: StoredEvidenceStatus | null,
    by: string,
  ): Promise<void> {
    if (status === null) {
      await m.delete(SubsidyEvidence, key);
      return;
    }
    await m
      .createQueryBuilder()
      .insert()
      .into(SubsidyEvidence)
      .values({ ...key, status, setBy: by })
      .orUpdate(['status', 'set_by', 'updated_at'], ['resident_id', 'programme', 'item'])
      .execute();
  }

  /** Claims of the given residents for one programme and period, by resident. */
  async claimsFor(
    residentIds: string[],
    programme: SubsidyProgramme,
    period: string,
  ): Promise<Map<string, string>> {
    if (!residentIds.length) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(SubsidyClaim, 'c')
      .select(['c.id', 'c.residentId'])
      .where('c.resident_id = ANY(:ids)', { ids: residentIds })
      .andWhere('c.programme = :programme AND c.period = :period', { programme, period })
      .getMany();
    return new Map(rows.map((r) => [r.residentId, r.id]));
  }

  /**
   * Files a claim in its site's batch for the period. The resident's claims are serialised by a
   * transaction-scoped advisory lock, so the "one category" check sees every earlier claim even
   * under concurrency; the unique index refuses the exact duplicate whatever happens.
   */
  async fileClaim(
    c: NewClaim,
    conflict: ClaimConflict,
    inTx: (m: EntityManager, claim: SubsidyClaim) => Promise<void>,
  ): Promise<SubsidyClaim> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('subsidy_claim:' || $1))`, [c.residentId]);
        const earlier = await m.find(SubsidyClaim, {
          where: { residentId: c.residentId },
          order: { createdAt: 'ASC' },
        });
        for (const e of earlier) {
          const reason = conflict(e);
          if (reason) throw new ConflictError(reason, 'subsidy.claim_conflict');
        }
        await m
          .createQueryBuilder()
          .insert()
          .into(SubsidyBatch)
          .values({ siteId: c.siteId, period: c.period })
          .orIgnore()
          .execute();
        const batch = await m.findOneOrFail(SubsidyBatch, { where: { siteId: c.siteId, period: c.period } });
        const claim = await m.save(m.create(SubsidyClaim, { ...c, batchId: batch.id }));
        await inTx(m, claim);
        return claim;
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
        throw new ConflictError(
          `This resident already has a ${c.programme} claim for ${c.period}`,
          'subsidy.claim_duplicate',
        );
      throw e;
    }
  }

  claimsOfSite(siteId: string, limit = 500): Promise<SubsidyClaim[]> {
    return this.dataSource.manager.find(SubsidyClaim, {
      where: { siteId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  batch(id: string): Promise<SubsidyBatch | null> {
    return this.dataSource.manager.findOne(SubsidyBatch, { where: { id } });
  }

  claimsOfBatch(batchId: string): Promise<SubsidyClaim[]> {
    return this.dataSource.manager.find(SubsidyClaim, {
      where: { batchId },
      order: { programme: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }
}
