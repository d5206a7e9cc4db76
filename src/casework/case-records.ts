import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { HouseholdRef } from '../access/scope/scope-policy';
import type { SqlCondition } from '../kernel/sql-condition';
import { ApplicationsDirectory } from '../applications/applications-directory';
import { PlacementsDirectory } from '../placements/placements-directory';
import { RegionsDirectory } from '../regions/regions-directory';
import { HouseholdsDirectory, type HouseholdMember } from '../residents/households-directory';
import {
  CaseServicesRepository,
  TOWNSHIP_DIGITS,
  type DashboardCaseRow,
  type QueueReferral,
  type ReferralWindowOfCase,
} from './case-services.repository';
import { CaseworkRepository, type CaseCore, type CaseFilter, type CaseRow } from './casework.repository';
import { unloggedQueueReferrals } from './member-services';

/** The household a case is about, as opening and closing read it. */
export interface CaseHousehold extends HouseholdRef {
  number: number;
  zeroEmployment: boolean;
}

/** A placement that ended this many days before today (or today) makes a new case's cause. */
const RECENT_PLACEMENT_DAYS = 7;

/**
 * Cases with the facts they rest on (issue 14: casework names no other feature's table). The
 * casework repositories answer the cases; the owners answer the rest, one query per owner for
 * a whole page or batch: HouseholdsDirectory (number, site, origin, head, members),
 * RegionsDirectory (the site's region and name, township names), ApplicationsDirectory (the
 * referrals officers made from the matching queue) and PlacementsDirectory. The queue still
 * filters, counts and pages in one SQL statement: its household conditions (scope, site,
 * region, origin) are conditions HouseholdsDirectory makes on the repository's household_id
 * column (kernel/sql-condition.ts), so the page is the same page.
 */
@Injectable()
export class CaseRecords {
  constructor(
    private readonly cases: CaseworkRepository,
    private readonly services: CaseServicesRepository,
    private readonly households: HouseholdsDirectory,
    private readonly regions: RegionsDirectory,
    private readonly applications: ApplicationsDirectory,
    private readonly placements: PlacementsDirectory,
  ) {}

  async get(id: string, today: string): Promise<CaseRow | null> {
    const core = await this.cases.get(id, today);
    return core ? ((await this.withFacts([core]))[0] ?? null) : null;
  }

  async list(actor: AuthUser, f: CaseFilter): Promise<{ rows: CaseRow[]; total: number }> {
    const regionSiteIds = f.regionCode ? await this.regions.siteIdsWithin(f.regionCode) : undefined;
    const { rows, total } = await this.cases.list(
      (column) => this.householdConditions(actor, column, { ...f, regionSiteIds }),
      f,
    );
    return { rows: await this.withFacts(rows), total };
  }

  /**
   * The household side of a case filter, on the repository's household-id column: the actor's
   * scope, then a site, a region (at a site inside it, or registered in it: the dual
   * jurisdiction's two ways in) and an origin.
   */
  private householdConditions(
    actor: AuthUser,
    column: string,
    f: Pick<CaseFilter, 'siteId' | 'regionCode' | 'regionSiteIds' | 'originRegionCode'>,
  ): SqlCondition[] {
    const conditions = [this.households.readableBy(actor, column)];
    if (f.siteId) conditions.push(this.households.at(column, { siteIds: [f.siteId] }));
    if (f.regionCode)
      conditions.push(
        this.households.at(column, { siteIds: f.regionSiteIds ?? [], originRegionCode: f.regionCode }, 'any'),
      );
    if (f.originRegionCode) conditions.push(this.households.at(column, { originRegionCode: f.originRegionCode }));
    return conditions;
  }

  /** Cases past a due date, with the date passed (the overdue notice names one deadline). */
  async overdue(
    today: string,
  ): Promise<{ row: CaseRow; deadline: 'first_contact' | 'clear'; dueOn: string }[]> {
    const rows = await this.withFacts(await this.cases.overdue(today));
    return rows.map((row) =>
      !row.firstContactOn && row.firstContactDueOn < today
        ? { row, deadline: 'first_contact' as const, dueOn: row.firstContactDueOn }
        : { row, deadline: 'clear' as const, dueOn: row.clearDueOn },
    );
  }

  /**
   * The referrals made from the matching queue to members of the cases' households since each
   * case (re)opened — the same window as the case's own referral count — oldest first.
   */
  async queueReferrals(caseIds: string[]): Promise<QueueReferral[]> {
    return this.referralsIn(await this.services.windows(caseIds));
  }

  /** Every case the actor reads, with its site and origin township (the dashboard's groups). */
  async dashboardCases(
    actor: AuthUser,
    today: string,
    f: { siteId?: string; originRegionCode?: string },
  ): Promise<DashboardCaseRow[]> {
    const cores = await this.services.dashboardCases((column) => this.householdConditions(actor, column, f), today);
    const cards = await this.households.cardsOf(cores.map((c) => c.householdId));
    const sites = await this.regions.sitesOf([...cards.values()].map((h) => h.siteId));
    const townships = await this.regions.namesOf(
      [...cards.values()].map((h) => h.originRegionCode.slice(0, TOWNSHIP_DIGITS)),
    );
    return cores.flatMap((c) => {
      const h = cards.get(c.householdId);
      const s = h && sites.get(h.siteId);
      if (!h || !s) return [];
      const township = h.originRegionCode.slice(0, TOWNSHIP_DIGITS);
      return [
        {
          ...c,
          siteId: s.id,
          siteName: s.name,
          siteRegionCode: s.regionCode,
          originRegionCode: h.originRegionCode,
          township,
          townshipName: townships.get(township) ?? null,
        },
      ];
    });
  }

  /** The labour-capable members of the cases' households: the people a bundle is counted for. */
  async capableMembers(cases: { caseId: string; householdId: string }[]): Promise<{ caseId: string; id: string }[]> {
    const members = await this.households.labourCapableOf(cases.map((c) => c.householdId));
    return cases.flatMap((c) =>
      members.filter((m) => m.householdId === c.householdId).map((m) => ({ caseId: c.caseId, id: m.id })),
    );
  }

  /** Members of the households (export rows): id and name, oldest first. */
  members(householdIds: string[]): Promise<HouseholdMember[]> {
    return this.households.membersOf(householdIds);
  }

  /** The household with its site; `lock` holds the household row so two openings serialise. */
  async household(id: string, m?: EntityManager, lock = false): Promise<CaseHousehold | null> {
    const h = await this.households.card(id, m, lock);
    const site = h && (await this.regions.sitesOf([h.siteId])).get(h.siteId);
    if (!h || !site) return null;
    return {
      id: h.id,
      number: h.number,
      site: { id: site.id, regionCode: site.regionCode },
      originRegionCode: h.originRegionCode,
      zeroEmployment: h.zeroEmployment,
    };
  }

  /** The household of a resident who is not erased, as ScopePolicy reads it; null otherwise. */
  async householdOfResident(residentId: string): Promise<CaseHousehold | null> {
    const householdId = await this.households.householdOfMember(residentId);
    return householdId ? this.household(householdId) : null;
  }

  /** Whether a member's placement ended in the last week (the cause of a new case). */
  placementEndedRecently(householdId: string, today: string, m?: EntityManager): Promise<boolean> {
    return this.placements.endedWithin(householdId, today, RECENT_PLACEMENT_DAYS, m);
  }

  /** Members of the household who hold a placement that has not ended (evidence for `employed`). */
  async activePlacements(householdId: string): Promise<number> {
    const members = await this.households.everyMemberOf([householdId]);
    return this.placements.activeCountOf(members.map((r) => r.id));
  }

  /** Households whose case does not match their flag (an event missed, a bulk recompute, a backfill). */
  async outOfStep(): Promise<string[]> {
    const [zero, cases] = await Promise.all([this.households.zeroEmploymentIds(), this.cases.notClosed()]);
    const zeroIds = new Set(zero);
    const caseOf = new Map(cases.map((c) => [c.householdId, c.status]));
    const atWork = (s: string | undefined) => s === 'employed' || s === 'stabilised';
    return [
      ...zero.filter((id) => !caseOf.has(id) || atWork(caseOf.get(id))),
      ...cases
        .filter((c) => (c.status === 'open' || c.status === 'assisting') && !zeroIds.has(c.householdId))
        .map((c) => c.householdId),
    ];
  }

  /** Employed cases with the regions their stabilisation period depends on. */
  async employedCases(): Promise<
    { id: string; employedOn: string; originRegionCode: string; siteRegionCode: string }[]
  > {
    const rows = await this.cases.employedCases();
    const cards = await this.households.cardsOf(rows.map((r) => r.householdId));
    const sites = await this.regions.sitesOf([...cards.values()].map((h) => h.siteId));
    return rows.flatMap((r) => {
      const h = cards.get(r.householdId);
      const s = h && sites.get(h.siteId);
      return h && s
        ? [{ id: r.id, employedOn: r.employedOn, originRegionCode: h.originRegionCode, siteRegionCode: s.regionCode }]
        : [];
    });
  }

  private async referralsIn(windows: ReferralWindowOfCase[]): Promise<QueueReferral[]> {
    if (!windows.length) return [];
    const members = await this.households.everyMemberOf(windows.map((w) => w.householdId));
    const found = await this.applications.officerReferralsIn(
      windows.map((w) => ({
        key: w.id,
        since: w.openedAtExact,
        residentIds: members.filter((r) => r.householdId === w.householdId).map((r) => r.id),
      })),
    );
    return found.map(({ key, ...r }) => ({ caseId: key, ...r }));
  }

  /**
   * The page's household facts, sites and queue referrals, one query each. A case whose
   * household (or its site) is gone is left out, as the joins it replaces left it out.
   */
  private async withFacts(cores: CaseCore[]): Promise<CaseRow[]> {
    if (!cores.length) return [];
    const cards = await this.households.cardsOf(cores.map((c) => c.householdId));
    const [sites, queue] = await Promise.all([
      this.regions.sitesOf([...cards.values()].map((h) => h.siteId)),
      this.referralsIn(cores.map((c) => ({ id: c.id, householdId: c.householdId, openedAtExact: c.openedAtExact }))),
    ]);
    return cores.flatMap(({ openedAtExact: _exact, loggedReferrals, ...c }) => {
      const h = cards.get(c.householdId);
      const s = h && sites.get(h.siteId);
      if (!h || !s) return [];
      // A referral made through the matching queue counts too, unless the same member and
      // posting were also logged on the case.
      const unlogged = unloggedQueueReferrals(
        queue.filter((q) => q.caseId === c.id),
        loggedReferrals,
      ).length;
      return [
        {
          ...c,
          householdNumber: h.number,
          headName: h.headName,
          headId: h.headId,
          siteId: h.siteId,
          siteRegionCode: s.regionCode,
          originRegionCode: h.originRegionCode,
          referrals: c.referrals + unlogged,
        },
      ];
    });
  }
}
