import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PlacementsDirectoryRepository } from './placements-directory.repository';

/**
 * What casework asks of placements about a household it holds: did a placement of the
 * household end in the last days (the cause of a new case), and how many placements of given
 * residents are still running (the evidence for closing as employed). No scope check.
 */
@Injectable()
export class PlacementsDirectory {
  constructor(private readonly repo: PlacementsDirectoryRepository) {}

  /** A placement of the household ended on one of the `days` days before `today`, or today. */
  endedWithin(householdId: string, today: string, days: number, manager?: EntityManager): Promise<boolean> {
    return this.repo.endedWithin(householdId, today, days, manager);
  }

  /** Placements of these residents that have not ended. */
  activeCountOf(residentIds: readonly string[]): Promise<number> {
    return this.repo.activeCountOf([...new Set(residentIds)]);
  }
}
