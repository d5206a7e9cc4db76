import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  onBehalfOfResidentId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /**
   * Records one entry. Pass the transaction's manager for writes, so the entry exists exactly
   * when the change does; reads are recorded on their own.
   */
  async record(actor: AuthUser | null, r: AuditRecord, manager?: EntityManager): Promise<void> {
    await this.repo.insert(
      {
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? 'system',
        onBehalfOfResidentId: r.onBehalfOfResidentId ?? null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId ?? null,
        ip: actor?.ip ?? null,
        requestId: actor?.requestId ?? null,
        details: (r.details ?? {}) as never,
      },
      manager,
    );
  }

  /** One entry per record read, in one insert (lists of residents). */
  async recordReads(
    actor: AuthUser,
    entityType: string,
    ids: string[],
    action = `${entityType}.read`,
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.repo.insert(
      ids.map((id) => ({
        actorId: actor.id,
        actorRole: actor.role,
        action,
        entityType,
        entityId: id,
        ip: actor.ip,
        requestId: actor.requestId,
        details: {},
      })),
    );
  }
}
