import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { ResidentRef } from '../access/scope/scope-policy';
import { NotFoundError } from '../kernel/domain-errors';
import type { SqlCondition } from '../kernel/sql-condition';
import type { HouseholdPriorityPoints } from './household-priority';
import { HouseholdsService } from './households.service';
import { ResidentsRepository } from './residents.repository';
import { ResidentVersions } from './resident-versions';
import { readableResidentsSql } from './scope-sql';

/** For notifications and matching: no personal identifiers. */
export interface ResidentSummary {
  id: string;
  name: string;
  siteId: string;
  householdId: string;
  consentToShare: boolean;
  jobAlerts: boolean;
}

/** A resident as a list of applicants shows them (see contactCardsOf). */
export interface ResidentContactCard {
  name: string;
  phoneEncrypted: string | null;
  consentToShare: boolean;
  householdPriority: number;
}

export interface EmploymentChange {
  householdId: string;
  zeroEmploymentBefore: boolean;
  zeroEmploymentAfter: boolean;
}

/**
 * What other features ask of the residents feature (training, placements, applications,
 * matching, contacts, programmes): scope shapes, names, summaries without identifiers, and the
 * two writes they make on a resident's record (employment, skills from a course). No scope check
 * here: the callers check their own objects' scope with ScopePolicy.
 */
@Injectable()
export class ResidentsDirectory {
  constructor(
    private readonly repo: ResidentsRepository,
    private readonly households: HouseholdsService,
    private readonly versions: ResidentVersions,
  ) {}

  /** The scope shape of a resident (household, site, origin region), or null. No scope check. */
  async residentRef(residentId: string, manager?: EntityManager): Promise<ResidentRef | null> {
    const householdId = await this.repo.householdIdOf(residentId, manager);
    if (householdId === null) return null;
    const household = await this.households.householdRef(householdId, manager);
    return household ? { id: residentId, household } : null;
  }

  /** Name, site, household, consent and alert opt-in; no identifiers. Null when unknown. */
  async summaryFor(residentId: string): Promise<ResidentSummary | null> {
    const r = await this.repo.find(residentId);
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      siteId: r.siteId,
      householdId: r.householdId,
      consentToShare: r.consentToShare && !r.erasedAt,
      jobAlerts: r.jobAlerts && !r.erasedAt,
    };
  }

  /**
   * A completed course grants its skills (training module): upserted with source `training` and
   * the course id, never lowering a level the resident already holds.
   */
  async grantSkillsFromCourse(
    manager: EntityManager,
    residentId: string,
    skills: { code: string; level: number }[],
    courseId: string,
  ): Promise<void> {
    if (!skills.length) return;
    for (const s of skills)
      await this.repo.grantTrainingSkill(manager, residentId, s.code, s.level, courseId);
    await this.versions.changed(manager, residentId);
  }

  /**
   * Placements: a resident starts or stops work. Recomputes the household in the same
   * transaction and says whether it became (or stopped being) zero-employment.
   */
  async setEmployment(
    manager: EntityManager,
    residentId: string,
    employed: boolean,
  ): Promise<EmploymentChange> {
    const r = await this.repo.lock(manager, residentId);
    if (!r) throw new NotFoundError('Resident');
    await this.repo.update(manager, residentId, { employmentStatus: employed ? 'employed' : 'unemployed' });
    const { before, after } = await this.households.recompute(manager, r.householdId);
    await this.versions.changed(manager, residentId);
    return {
      householdId: r.householdId,
      zeroEmploymentBefore: before.zeroEmployment,
      zeroEmploymentAfter: after.zeroEmployment,
    };
  }

  /** The resident's current version, in the caller's transaction if given. */
  versionOf(residentId: string, manager?: EntityManager): Promise<number> {
    return this.repo.versionOf(residentId, manager);
  }

  /**
   * Locks the resident's household row (FOR UPDATE) in the caller's transaction, so two checks
   * of one household's members cannot both pass; returns the household and the birth date
   * (YYYY-MM-DD or null). Null when there is no such resident.
   */
  lockHouseholdOf(
    manager: EntityManager,
    residentId: string,
  ): Promise<{ householdId: string; birthDate: string | null } | null> {
    return this.repo.lockHouseholdOf(manager, residentId);
  }

  /** Names by resident id, for lists that show whose row is whose. */
  namesOf(ids: string[]): Promise<Map<string, string>> {
    return this.repo.namesOf(ids);
  }

  /**
   * What a view of applicants shows, by resident id: name, phone as stored (encrypted; the
   * caller decides how much of it to reveal), consent to share, and the household's priority.
   */
  contactCardsOf(ids: string[], points: HouseholdPriorityPoints): Promise<Map<string, ResidentContactCard>> {
    return this.repo.contactCardsOf(ids, points);
  }

  /**
   * For another module's list that filters and pages in SQL: a condition on its column holding
   * a resident id, true for the residents the actor reads (ScopePolicy.readsResident's list twin).
   */
  readableBy(actor: AuthUser, residentIdColumn: string): SqlCondition {
    return readableResidentsSql(actor, residentIdColumn);
  }

  /** For another module's ORDER BY: the household priority of the resident in `residentIdColumn`. */
  householdPrioritySql(
    residentIdColumn: string,
    points: HouseholdPriorityPoints,
  ): SqlCondition {
    return this.repo.householdPrioritySql(residentIdColumn, points);
  }
}
