import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ConflictError } from '../kernel/domain-errors';
import { RESIDENT_AT_OTHER_SITE, ResidentRoster, type RosterOutcome } from '../residents/resident-roster';
import { ROSTER_COLUMNS } from './roster-columns';
import type { RosterRow } from './roster-row';

export type RowOutcome = RosterOutcome;

/** A good-looking row that the database state refuses (e.g. the person lives at another site). */
export class RowRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** What one import run knows while it writes. */
export interface RosterWriteContext {
  importId: string;
  siteId: string;
  actor: AuthUser;
  /** 户编号 → household id, for households already decided in this run (or found by a member). */
  households: Map<string, string>;
  /** 户编号 whose household attributes (origin, monitoring) were already applied in this run. */
  householdsApplied: Set<string>;
}

/**
 * Saves one roster row in the caller's transaction through the residents module
 * (ResidentRoster.upsert: household, resident, skills, figures, version + outbox,
 * audit), with this run's household decisions; turns its refusals into row errors.
 */
@Injectable()
export class RosterWriter {
  constructor(private readonly roster: ResidentRoster) {}

  async write(
    m: EntityManager,
    ctx: RosterWriteContext,
    row: RosterRow,
  ): Promise<{ outcome: RowOutcome; householdId: string }> {
    try {
      return await this.roster.upsert(
        m,
        {
          actor: ctx.actor,
          importId: ctx.importId,
          siteId: ctx.siteId,
          householdId: ctx.households.get(row.householdKey) ?? null,
          appliesHousehold: !ctx.householdsApplied.has(row.householdKey),
        },
        row,
      );
    } catch (e) {
      if (e instanceof ConflictError && e.code === RESIDENT_AT_OTHER_SITE) {
        throw new RowRejected(ROSTER_COLUMNS.nationalId, '此人已登记在其他安置点，请由该安置点的专干处理');
      }
      throw e;
    }
  }
}
