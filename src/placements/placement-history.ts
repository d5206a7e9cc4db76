import { Injectable } from '@nestjs/common';
import type { PlacementKind } from './placement-kind';
import { PlacementsRepository, type PlacementHistoryRow } from './placements.repository';

/** A placement with its follow-ups, as the programmes (issue 17) read it. */
export type PlacementWithFollowUps = PlacementHistoryRow;

/**
 * The placements module's read for the programmes: placements of some kinds of the given
 * residents, each with its follow-ups by date. No scope check (the caller checked the residents).
 */
@Injectable()
export class PlacementHistory {
  constructor(private readonly repo: PlacementsRepository) {}

  async ofResidents(
    residentIds: string[],
    kinds: readonly PlacementKind[],
  ): Promise<PlacementWithFollowUps[]> {
    if (!residentIds.length || !kinds.length) return [];
    return this.repo.historyOf(residentIds, kinds);
  }
}
