import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { HouseholdRef } from '../access/scope-policy';
import { householdHeadSql } from '../residents/household-head';
import { readableHouseholdsSql } from '../residents/scope-sql';
import type { AuthUser } from '../access/auth-user';
import type { ActionKind, ActionOutcome, CaseCause, CaseStatus, CloseReason } from './case-vocabulary';

/*
 * The only code that names the casework tables (casework_case, casework_action, casework_ledger).
 * It also reads, as a declared read model, the facts a case rests on from other features' tables:
 * the household and its site, members, placements, postings and courses.
 */

export interface CaseHousehold extends HouseholdRef {
  number: number;
  zeroEmployment: boolean;
}

export interface CaseRow {
  id: string;
  householdId: string;
  householdNumber: number;
  headName: string | null;
  headId: string | null;
  siteId: string;
  siteRegionCode: string;
  originRegionCode: string;
  status: CaseStatus;
  cause: CaseCause;
  openedAt: Date;
  openedOn: string;
  firstContactDueOn: string;
  clearDueOn: string;
  firstContactOn: string | null;
  employedOn: string | null;
  closedReason: CloseReason | null;
  closeNote: string | null;
  overdue: boolean;
  policyBriefing: number;
  guidance: number;
  referrals: number;
  trainingOffers: number;
}

export interface ActionRow {
  id: string;
  caseId: string;
  kind: ActionKind;
  date: string;
  residentId: string | null;
  postingId: string | null;
  courseId: string | null;
  outcome: ActionOutcome | null;
  note: string | null;
  officerId: string;
}

export interface LedgerFields {
  familySituation: string | null;
  unemploymentCause: string | null;
  skillsNote: string | null;
  trainingWish: string | null;
  jobIntention: string | null;
}

export interface CaseFilter {
  siteId?: string;
  regionCode?: string;
  originRegionCode?: string;
  status?: CaseStatus;
  overdue?: boolean;
  /** true: open or assisting; false: every other status. */
  active?: boolean;
  today: string;
  offset: number;
  limit: number;
}

/** Overdue: the clock of a case nobody at work has run past a due date (first contact or clearing). */
export const OVERDUE = (c: string, today: string): string =>
  `(${c}.status IN ('open', 'assisting') AND (${c}.clear_due_on < ${today}
     OR (${c}.first_contact_on IS NULL AND ${c}.first_contact_due_on < ${today})))`;

const SELECT = (today: string) => `
  SELECT c.id, c.household_id AS "householdId", h.number AS "householdNumber",
         head.head_name AS "headName", head.head_id AS "headId",
         h.site_id AS "siteId", s.region_code AS "siteRegionCode", h.origin_region_code AS "originRegionCode",
         c.status, c.cause, c.opened_at AS "openedAt", c.opened_on::text AS "openedOn",
         c.first_contact_due_on::text AS "firstContactDueOn", c.clear_due_on::text AS "clearDueOn",
         c.first_contact_on::text AS "firstContactOn", c.employed_on::text AS "employedOn",
         c.closed_reason AS "closedReason", c.close_note AS "closeNote",
         ${OVERDUE('c', today)} AS overdue,
         coalesce(a.policy_briefing, 0)::int AS "policyBriefing", coalesce(a.guidance, 0)::int AS guidance,
         (coalesce(a.referrals, 0) + coalesce(q.referrals, 0))::int AS referrals, coalesce(a.training_offers, 0)::int AS "trainingOffers"
    FROM casework_case c
    JOIN household h ON h.id = c.household_id
    JOIN site s ON s.id = h.site_id
    ${householdHeadSql('h')}
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE kind = 'policy_briefing') AS policy_briefing,
             count(*) FILTER (WHERE kind = 'guidance') AS guidance,
             count(*) FILTER (WHERE kind = 'referral') AS referrals,
             count(*) FILTER (WHERE kind = 'training_offer') AS training_offers
        FROM casework_action WHERE case_id = c.id) a ON true
    -- A referral an officer made through the matching queue (POST /applications) counts too,
    -- unless the same member and posting were also logged on the case.
    LEFT JOIN LATERAL (
      SELECT count(*) AS referrals FROM application ap JOIN resident ar ON ar.id = ap.resident_id
       WHERE ar.household_id = c.household_id AND ap.source = 'officer_referral' AND ap.created_at >= c.opened_at
         AND NOT EXISTS (SELECT 1 FROM casework_action ca WHERE ca.case_id = c.id AND ca.kind = 'referral'
                          AND ca.posting_id = ap.posting_id AND ca.resident_id = ap.resident_id)) q ON true`;

/** Named (:x) parameters of the shared scope SQL, bound positionally after `params`. */
function bindNamed(sql: string, named: Record<string, unknown>, params: unknown[]): string {
  return sql.replace(/:(\w+)/g, (_, name: string) => {
    params.push(named[name]);
    return `$${params.length}`;
  });
}

@Injectable()
export class CaseworkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  // ---- the household a case is about ------------------------------------------------------

  /** The household with its site; `lock` holds the row so two openings serialise. */
  async household(id: string, m?: EntityManager, lock = false): Promise<CaseHousehold | null> {
    const rows: {
      id: string;
      number: number;
      site_id: string;
      region_code: string;
      origin_region_code: string;
      zero_employment: boolean;
    }[] = await this.q(m).query(
      `SELECT h.id, h.number, h.site_id, s.region_code, h.origin_region_code, h.zero_employment
           FROM household h JOIN site s ON s.id = h.site_id WHERE h.id = $1 ${lock ? 'FOR UPDATE OF h' : ''}`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      number: r.number,
      site: { id: r.site_id, regionCode: r.region_code },
      originRegionCode: r.origin_region_code,
      zeroEmployment: r.zero_employment,
    };
  }

  /** Whether a member's placement ended in the last week (the cause of a new case). */
  async placementEndedRecently(householdId: string, today: string, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.q(m).query(
      `SELECT 1 FROM placement WHERE household_id = $1 AND end_date IS NOT NULL AND end_date >= $2::date - 7 LIMIT 1`,
      [householdId, today],
    );
    return rows.length > 0;
  }

  /** Members of the household who hold a placement that has not ended (evidence for `employed`). */
  async activePlacements(householdId: string, m?: EntityManager): Promise<number> {
    const rows: { n: number }[] = await this.q(m).query(
      `SELECT count(*)::int AS n FROM placement p JOIN resident r ON r.id = p.resident_id
        WHERE r.household_id = $1 AND p.end_date IS NULL`,
      [householdId],
    );
    return rows[0].n;
  }

  async residentHousehold(residentId: string): Promise<string | null> {
    const rows: { household_id: string }[] = await this.dataSource.query(
      'SELECT household_id FROM resident WHERE id = $1 AND erased_at IS NULL',
      [residentId],
    );
    return rows[0]?.household_id ?? null;
  }

  async posting(id: string): Promise<{ employerId: string; regionCode: string; status: string } | null> {
    const rows: { employerId: string; regionCode: string; status: string }[] = await this.dataSource.query(
      'SELECT employer_id AS "employerId", region_code AS "regionCode", status FROM posting WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async course(id: string): Promise<{ providerUserId: string; regionCode: string } | null> {
    const rows: { providerUserId: string; regionCode: string }[] = await this.dataSource.query(
      'SELECT provider_user_id AS "providerUserId", region_code AS "regionCode" FROM course WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  // ---- cases ---------------------------------------------------------------------------------

  /** The household's case that is not closed (at most one: partial unique index). */
  async activeCase(
    householdId: string,
    m?: EntityManager,
  ): Promise<{ id: string; status: CaseStatus; firstContactOn: string | null } | null> {
    const rows: { id: string; status: CaseStatus; firstContactOn: string | null }[] = await this.q(m).query(
      `SELECT id, status, first_contact_on::text AS "firstContactOn" FROM casework_case
        WHERE household_id = $1 AND status <> 'closed' FOR UPDATE`,
      [householdId],
    );
    return rows[0] ?? null;
  }

  async insertCase(
    m: EntityManager,
    c: {
      householdId: string;
      cause: CaseCause;
      openedOn: string;
      firstContactDueOn: string;
      clearDueOn: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO casework_case (household_id, status, cause, opened_at, opened_on, first_contact_due_on, clear_due_on)
       VALUES ($1, 'open', $2, now(), $3, $4, $5) RETURNING id`,
      [c.householdId, c.cause, c.openedOn, c.firstContactDueOn, c.clearDueOn],
    );
    return rows[0].id;
  }

  /** Back to open with a fresh clock: the household is without work again. */
  async reopen(
    m: EntityManager,
    id: string,
    c: { cause: CaseCause; openedOn: string; firstContactDueOn: string; clearDueOn: string },
  ): Promise<void> {
    await m.query(
      `UPDATE casework_case SET status = 'open', cause = $2, opened_at = now(), opened_on = $3,
              first_contact_due_on = $4, clear_due_on = $5, first_contact_on = NULL, employed_on = NULL,
              stabilised_on = NULL, reopen_count = reopen_count + 1, updated_at = now()
        WHERE id = $1`,
      [id, c.cause, c.openedOn, c.firstContactDueOn, c.clearDueOn],
    );
  }

  async setEmployed(m: EntityManager, id: string, today: string): Promise<void> {
    await m.query(
      `UPDATE casework_case SET status = 'employed', employed_on = $2, updated_at = now() WHERE id = $1`,
      [id, today],
    );
  }

  async setFirstContact(m: EntityManager, id: string, date: string): Promise<void> {
    await m.query(
      `UPDATE casework_case SET first_contact_on = $2,
              status = CASE WHEN status = 'open' THEN 'assisting' ELSE status END, updated_at = now()
        WHERE id = $1 AND first_contact_on IS NULL`,
      [id, date],
    );
  }

  async close(
    m: EntityManager,
    id: string,
    reason: CloseReason,
    note: string | null,
    by: string,
  ): Promise<void> {
    await m.query(
      `UPDATE casework_case SET status = 'closed', closed_reason = $2, close_note = $3, closed_by = $4,
              closed_at = now(), updated_at = now() WHERE id = $1`,
      [id, reason, note, by],
    );
  }

  /** Cases in work for `days` calendar days or more become stabilised (the daily job). */
  async stabilise(
    today: string,
    rulesDays: (originRegionCode: string, siteRegionCode: string) => number,
  ): Promise<number> {
    const rows: { id: string; employed_on: string; origin: string; site: string }[] =
      await this.dataSource.query(
        `SELECT c.id, c.employed_on::text AS employed_on, h.origin_region_code AS origin, s.region_code AS site
         FROM casework_case c JOIN household h ON h.id = c.household_id JOIN site s ON s.id = h.site_id
        WHERE c.status = 'employed'`,
      );
    const due = rows.filter((r) => {
      const d = new Date(`${r.employed_on}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + rulesDays(r.origin, r.site));
      return d.toISOString().slice(0, 10) <= today;
    });
    if (!due.length) return 0;
    await this.dataSource.query(
      `UPDATE casework_case SET status = 'stabilised', stabilised_on = $2, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'employed'`,
      [due.map((r) => r.id), today],
    );
    return due.length;
  }

  /** Households whose case does not match their flag (an event missed, a bulk recompute, a backfill). */
  async outOfStep(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT h.id FROM household h LEFT JOIN casework_case c ON c.household_id = h.id AND c.status <> 'closed'
        WHERE (h.zero_employment AND (c.id IS NULL OR c.status IN ('employed', 'stabilised')))
           OR (NOT h.zero_employment AND c.status IN ('open', 'assisting'))`,
    );
    return rows.map((r) => r.id);
  }

  async get(id: string, today: string): Promise<CaseRow | null> {
    const rows: CaseRow[] = await this.dataSource.query(`${SELECT('$2::date')} WHERE c.id = $1`, [id, today]);
    return rows[0] ?? null;
  }

  async list(actor: AuthUser, f: CaseFilter): Promise<{ rows: CaseRow[]; total: number }> {
    const params: unknown[] = [f.today];
    const where: string[] = [];
    const scope = readableHouseholdsSql(actor, 'c.household_id');
    where.push(bindNamed(scope.sql, scope.params, params));
    if (f.siteId) {
      params.push(f.siteId);
      where.push(`h.site_id = $${params.length}`);
    }
    if (f.regionCode) {
      params.push(f.regionCode);
      where.push(
        `(s.region_code LIKE $${params.length} || '%' OR h.origin_region_code LIKE $${params.length} || '%')`,
      );
    }
    if (f.originRegionCode) {
      params.push(f.originRegionCode);
      where.push(`h.origin_region_code LIKE $${params.length} || '%'`);
    }
    if (f.status) {
      params.push(f.status);
      where.push(`c.status = $${params.length}`);
    }
    if (f.active !== undefined) where.push(`${f.active ? '' : 'NOT '}c.status IN ('open', 'assisting')`);
    if (f.overdue !== undefined) where.push(`${f.overdue ? '' : 'NOT '}${OVERDUE('c', '$1::date')}`);
    const sql = `${SELECT('$1::date')} WHERE ${where.join(' AND ')}`;
    const [rows, count]: [CaseRow[], { n: number }[]] = await Promise.all([
      this.dataSource.query(
        `${sql} ORDER BY (c.status = 'closed'), c.first_contact_due_on, c.clear_due_on, c.id
                             OFFSET ${f.offset} LIMIT ${f.limit}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params),
    ]);
    return { rows, total: count[0].n };
  }

  /** Cases past a due date, with the date passed (the overdue notice names one deadline). */
  async overdue(
    today: string,
  ): Promise<{ row: CaseRow; deadline: 'first_contact' | 'clear'; dueOn: string }[]> {
    const rows: CaseRow[] = await this.dataSource.query(
      `${SELECT('$1::date')} WHERE ${OVERDUE('c', '$1::date')}`,
      [today],
    );
    return rows.map((row) =>
      !row.firstContactOn && row.firstContactDueOn < today
        ? { row, deadline: 'first_contact' as const, dueOn: row.firstContactDueOn }
        : { row, deadline: 'clear' as const, dueOn: row.clearDueOn },
    );
  }

  // ---- actions and ledger --------------------------------------------------------------------

  async insertAction(m: EntityManager, a: Omit<ActionRow, 'id'>): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO casework_action (case_id, kind, date, resident_id, posting_id, course_id, outcome, note, officer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [a.caseId, a.kind, a.date, a.residentId, a.postingId, a.courseId, a.outcome, a.note, a.officerId],
    );
    return rows[0].id;
  }

  async actions(caseIds: string[]): Promise<ActionRow[]> {
    if (!caseIds.length) return [];
    return this.dataSource.query(
      `SELECT id, case_id AS "caseId", kind, date::text AS date, resident_id AS "residentId", posting_id AS "postingId",
              course_id AS "courseId", outcome, note, officer_id AS "officerId"
         FROM casework_action WHERE case_id = ANY($1::uuid[]) ORDER BY date, created_at, id`,
      [caseIds],
    );
  }

  async ledger(householdId: string): Promise<LedgerFields | null> {
    const rows: LedgerFields[] = await this.dataSource.query(
      `SELECT family_situation AS "familySituation", unemployment_cause AS "unemploymentCause",
              skills_note AS "skillsNote", training_wish AS "trainingWish", job_intention AS "jobIntention"
         FROM casework_ledger WHERE household_id = $1`,
      [householdId],
    );
    return rows[0] ?? null;
  }

  /** Sets the fields given (undefined keeps a field; null empties it). */
  async upsertLedger(
    m: EntityManager,
    householdId: string,
    f: Partial<LedgerFields>,
    by: string,
  ): Promise<void> {
    const keys = [
      'familySituation',
      'unemploymentCause',
      'skillsNote',
      'trainingWish',
      'jobIntention',
    ] as const;
    const cols = ['family_situation', 'unemployment_cause', 'skills_note', 'training_wish', 'job_intention'];
    const given = keys.map((k) => f[k] !== undefined);
    await m.query(
      `INSERT INTO casework_ledger (household_id, family_situation, unemployment_cause, skills_note, training_wish, job_intention, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (household_id) DO UPDATE SET
         ${cols.map((c, i) => `${c} = ${given[i] ? `EXCLUDED.${c}` : `casework_ledger.${c}`}`).join(', ')},
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [householdId, ...keys.map((k) => f[k] ?? null), by],
    );
  }

  /** Members of the households (export rows): id and name, oldest first. */
  async members(householdIds: string[]): Promise<{ id: string; householdId: string; name: string }[]> {
    if (!householdIds.length) return [];
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId", name FROM resident
        WHERE household_id = ANY($1::uuid[]) AND erased_at IS NULL ORDER BY created_at, id`,
      [householdIds],
    );
  }
}
