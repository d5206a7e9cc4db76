import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MonitoringStatus } from '../kernel/domain-enums';
import type { HouseholdLabel } from './household-head';
import { HouseholdFactsRepository } from './household-facts.repository';

/**
 * What the placements feature asks of known households, by id: how an officer names one
 * (number and head, for the at-risk alert) and its poverty-monitoring status (for the workshop
 * register). No scope check: the callers have checked their own objects with ScopePolicy.
 */
@Injectable()
export class HouseholdFacts {
  constructor(private readonly repo: HouseholdFactsRepository) {}

  /** Number and head (the first member registered, not erased); null when unknown. */
  labelOf(householdId: string, manager?: EntityManager): Promise<HouseholdLabel | null> {
    return this.repo.labelOf(householdId, manager);
  }

  /** Monitoring status by household id; unknown ids are left out. */
  monitoringStatusesOf(ids: readonly string[]): Promise<Map<string, MonitoringStatus>> {
    return this.repo.monitoringStatusesOf(ids);
  }
}
