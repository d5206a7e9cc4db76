import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../platform/database/outbox.service';
import { ResidentsRepository } from './residents.repository';

/** Fields whose change can change a match (hard filters, score or priority). */
export const MATCHING_FIELDS: readonly string[] = [
  'householdId',
  'birthDate',
  'gender',
  'laborCapacity',
  'employmentStatus',
  'consentToShare',
  'preferences',
  'skills',
  'certificates',
  'jobAlerts',
  'careDuties',
  'languages',
];

/**
 * A change that matters for matching bumps the resident's version and writes `resident.changed`
 * in the same transaction (DESIGN.md "The matching worker", step 1).
 */
@Injectable()
export class ResidentVersions {
  constructor(
    private readonly outbox: OutboxService,
    private readonly repo: ResidentsRepository,
  ) {}

  async changed(manager: EntityManager, residentId: string): Promise<number> {
    const version = await this.repo.bumpVersion(manager, residentId);
    await this.outbox.add(manager, { kind: 'resident.changed', entityId: residentId, version });
    return version;
  }

  /** A new resident: version 1 as inserted. */
  async created(manager: EntityManager, residentId: string): Promise<void> {
    await this.outbox.add(manager, { kind: 'resident.changed', entityId: residentId, version: 1 });
  }
}
