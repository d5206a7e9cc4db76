import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../kernel/domain-errors';
import type { AuthUser } from '../auth-user';

/*
 * The one answer to "may this user see / change this object" (CONVENTIONS.md "Boundaries").
 * Controllers and services ask it and never re-implement it. A "no" for an object becomes 404
 * (API.md: never reveal that an out-of-scope object exists).
 *
 * Subjects are plain shapes so this module depends on no feature module.
 */

export interface SiteRef {
  id: string;
  /** The township (9-digit GB/T 2260 code) the site lies in. */
  regionCode: string;
}

export interface HouseholdRef {
  id: string;
  site: SiteRef;
  /** Where the household is registered (the "dual jurisdiction"). */
  originRegionCode: string;
}

export interface ResidentRef {
  id: string;
  household: HouseholdRef;
}

export interface EmployerRef {
  id: string;
  regionCode: string;
}

export interface PostingRef {
  employerId: string;
  regionCode: string;
  status: string;
}

/** An outflow batch of the east–west labour cooperation (src/programmes/cooperation). */
export interface BatchRef {
  site: SiteRef;
  liaisonUserId: string | null;
}

export interface CourseRef {
  providerUserId: string;
  regionCode: string;
}

/** A code covers itself and every division below it: 4228 covers 422802107. */
export function regionCovers(scopeCode: string, code: string): boolean {
  return code.startsWith(scopeCode);
}

@Injectable()
export class ScopePolicy {
  private isAdmin(u: AuthUser | undefined): boolean {
    return u?.role === 'admin';
  }

  private officerCoversRegion(u: AuthUser, code: string): boolean {
    return u.scope.regionCodes.some((c) => regionCovers(c, code));
  }

  /**
   * An officer's area for things that are not tied to one site (employers, postings, courses):
   * their regions, and the county (first 6 digits) of each of their sites.
   */
  private officerCoversArea(u: AuthUser, code: string): boolean {
    if (this.officerCoversRegion(u, code)) return true;
    return (u.scope.siteRegionCodes ?? []).some((siteCode) => regionCovers(siteCode.slice(0, 6), code));
  }

  /**
   * The same area as region-code prefixes, for list queries (`region_code LIKE prefix || '%'`):
   * null means everything (admin); an empty list means nothing.
   */
  areaPrefixes(u: AuthUser | undefined): string[] | null {
    if (this.isAdmin(u)) return null;
    if (u?.role !== 'officer') return [];
    return [
      ...new Set([...u.scope.regionCodes, ...(u.scope.siteRegionCodes ?? []).map((c) => c.slice(0, 6))]),
    ];
  }

  // ---- sites ---------------------------------------------------------------------------

  managesSite(u: AuthUser | undefined, site: SiteRef): boolean {
    if (this.isAdmin(u)) return true;
    if (u?.role !== 'officer') return false;
    return u.scope.siteIds.includes(site.id) || this.officerCoversRegion(u, site.regionCode);
  }

  /**
   * Aggregated figures of a region (reports): admins, and officers whose regions cover it.
   * Officers of single sites read their sites' figures, not their township's.
   */
  readsRegionFigures(u: AuthUser | undefined, code: string): boolean {
    if (this.isAdmin(u)) return true;
    return u?.role === 'officer' && this.officerCoversRegion(u, code);
  }

  // ---- households and residents -----------------------------------------------------------

  /** Officers of the site manage; officers of the origin region read (dual jurisdiction). */
  readsHousehold(u: AuthUser | undefined, h: HouseholdRef): boolean {
    if (this.managesHousehold(u, h)) return true;
    return u?.role === 'officer' && this.officerCoversRegion(u, h.originRegionCode);
  }

  managesHousehold(u: AuthUser | undefined, h: HouseholdRef): boolean {
    return this.managesSite(u, h.site);
  }

  readsResident(u: AuthUser | undefined, r: ResidentRef): boolean {
    if (u?.role === 'resident') return u.residentId === r.id;
    return this.readsHousehold(u, r.household);
  }

  managesResident(u: AuthUser | undefined, r: ResidentRef): boolean {
    if (u?.role === 'resident') return u.residentId === r.id;
    return this.managesHousehold(u, r.household);
  }

  /** Officer acting for a resident: recorded in the audit log with both identities. */
  actsOnBehalf(u: AuthUser, r: ResidentRef): boolean {
    return u.role !== 'resident' && this.managesResident(u, r);
  }

  // ---- employers and postings ---------------------------------------------------------------

  managesEmployer(u: AuthUser | undefined, e: EmployerRef): boolean {
    if (this.isAdmin(u)) return true;
    if (u?.role === 'employer') return u.employerId === e.id;
    return false;
  }

  readsEmployer(u: AuthUser | undefined, e: EmployerRef): boolean {
    return this.managesEmployer(u, e) || this.verifiesEmployer(u, e);
  }

  verifiesEmployer(u: AuthUser | undefined, e: EmployerRef): boolean {
    if (this.isAdmin(u)) return true;
    return u?.role === 'officer' && this.officerCoversArea(u, e.regionCode);
  }

  managesPosting(u: AuthUser | undefined, p: PostingRef): boolean {
    if (this.isAdmin(u)) return true;
    if (u?.role === 'employer') return u.employerId === p.employerId;
    return u?.role === 'officer' && this.officerCoversArea(u, p.regionCode);
  }

  readsPosting(u: AuthUser | undefined, p: PostingRef): boolean {
    return p.status === 'open' || this.managesPosting(u, p);
  }

  /**
   * A posting named as a reference in another request (an application, a referral, a placement):
   * one that was ever published may be cited (it was public; a hire there may be recorded after it
   * filled or closed), a draft only by who manages it.
   */
  citesPosting(u: AuthUser | undefined, p: PostingRef): boolean {
    return p.status !== 'draft' || this.managesPosting(u, p);
  }

  // ---- training ---------------------------------------------------------------------------

  managesCourse(u: AuthUser | undefined, c: CourseRef): boolean {
    if (this.isAdmin(u)) return true;
    if (u?.role === 'provider') return u.id === c.providerUserId;
    return u?.role === 'officer' && this.officerCoversArea(u, c.regionCode);
  }

  // ---- east–west labour cooperation -----------------------------------------------------------

  /** A batch is managed by the officers of its members' site. */
  managesBatch(u: AuthUser | undefined, b: BatchRef): boolean {
    return this.managesSite(u, b.site);
  }

  /**
   * A partner city's liaison officer sees the batches that name them, and in them only the
   * members' names and work status (no phone, national ID or household situation); nothing else.
   */
  liaisonSeesBatch(u: AuthUser | undefined, b: BatchRef): boolean {
    return u?.role === 'liaison' && b.liaisonUserId !== null && b.liaisonUserId === u.id;
  }

  /** Throws the 404 that hides an out-of-scope object. */
  require(allowed: boolean, entity: string): void {
    if (!allowed) throw new NotFoundError(entity);
  }
}
