import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { positionalBind } from '../access/scope/scope-sql';
import { bindCondition, type SqlCondition } from '../kernel/sql-condition';
import type { ActionKind, ActionOutcome, CaseCause, CaseStatus, CloseReason } from './case-vocabulary';

/*
 * The only code that names the casework tables (casework_case, casework_action, casework_ledger),
 * and it names no other feature's table: the household, its site, members, placements,
 * postings, courses and referrals come from their owners' directories (case-records.ts joins
 * them to these rows), and the queue filters by household with the conditions the residents'
 * HouseholdsDirectory makes on our household_id column (kernel/sql-condition.ts) before it
 * counts and pages.
 */

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

/** A case as its own tables hold it: CaseRow without the household's facts and the queue's referrals. */
export type CaseCore = Omit<
  CaseRow,
  'householdNumber' | 'headName' | 'headId' | 'siteId' | 'siteRegionCode' | 'originRegionCode'
> & {
  /** `opened_at` as PostgreSQL prints it, microseconds kept (the referrals' window starts there). */
  openedAtExact: string;
  /** The members and postings of the case's referral actions (a queue referral counts once). */
  loggedReferrals: { residentId: string | null; postingId: string | null }[];
};

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

/** What the cases' own columns are filtered by (the household conditions come separately). */
export type CaseListFilter = Pick<CaseFilter, 'status' | 'overdue' | 'active' | 'today' | 'offset' | 'limit'>;

export interface CaseFilter {
  siteId?: string;
  regionCode?: string;
  /** With regionCode: the sites inside it (RegionsDirectory.siteIdsWithin). */
  regionSiteIds?: readonly string[];
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
  SELECT c.id, c.household_id AS "householdId",
         c.status, c.cause, c.opened_at AS "openedAt", c.opened_at::text AS "openedAtExact",
         c.opened_on::text AS "openedOn",
         c.first_contact_due_on::text AS "firstContactDueOn", c.clear_due_on::text AS "clearDueOn",
         c.first_contact_on::text AS "firstContactOn", c.employed_on::text AS "employedOn",
         c.closed_reason AS "closedReason", c.close_note AS "closeNote",
         ${OVERDUE('c', today)} AS overdue,
         coalesce(a.policy_briefing, 0)::int AS "policyBriefing", coalesce(a.guidance, 0)::int AS guidance,
         coalesce(a.referrals, 0)::int AS referrals, coalesce(a.training_offers, 0)::int AS "trainingOffers",
         coalesce(a.logged_referrals, '[]') AS "loggedReferrals"
    FROM casework_case c
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE kind = 'policy_briefing') AS policy_briefing,
             count(*) FILTER (WHERE kind = 'guidance') AS guidance,
             count(*) FILTER (WHERE kind = 'referral') AS referrals,
             count(*) FILTER (WHERE kind = 'training_offer') AS training_offers,
             json_agg(json_build_object('residentId', resident_id, 'postingId', posting_id))
               FILTER (WHERE kind = 'referral') AS logged_referrals
        FROM casework_action WHERE case_id = c.id) a ON true`;

@Injectable()
export class CaseworkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
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

  /** The employed cases with their household (the daily job stabilises those past their period). */
  employedCases(): Promise<{ id: string; householdId: string; employedOn: string }[]> {
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId", employed_on::text AS "employedOn"
         FROM casework_case WHERE status = 'employed'`,
    );
  }

  async markStabilised(ids: string[], today: string): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(
      `UPDATE casework_case SET status = 'stabilised', stabilised_on = $2, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'employed'`,
      [ids, today],
    );
  }

  /** The cases that are not closed, by household (at most one each: partial unique index). */
  notClosed(): Promise<{ householdId: string; status: CaseStatus }[]> {
    return this.dataSource.query(
      `SELECT household_id AS "householdId", status FROM casework_case WHERE status <> 'closed'`,
    );
  }

  async get(id: string, today: string): Promise<CaseCore | null> {
    const rows: CaseCore[] = await this.dataSource.query(`${SELECT('$2::date')} WHERE c.id = $1`, [id, today]);
    return rows[0] ?? null;
  }

  /**
   * One page of cases and the count of all that match. `households` makes the household
   * conditions (the actor's scope, site, region) on the column it is given: the residents'
   * HouseholdsDirectory answers them, so the page filters, counts and pages in one statement.
   */
  async list(
    households: (householdIdColumn: string) => readonly SqlCondition[],
    f: CaseListFilter,
  ): Promise<{ rows: CaseCore[]; total: number }> {
    const params: unknown[] = [];
    const bind = positionalBind(params);
    // Today is bound where a statement first needs it, so the count (which needs it only for
    // the overdue filter) never carries a parameter it does not use.
    let todayAt: string | undefined;
    const today = (): string => (todayAt ??= `${bind(f.today)}::date`);
    const where = households('c.household_id').map((c) => bindCondition(c, params));
    if (f.status) where.push(`c.status = ${bind(f.status)}`);
    if (f.active !== undefined) where.push(`${f.active ? '' : 'NOT '}c.status IN ('open', 'assisting')`);
    if (f.overdue !== undefined) where.push(`${f.overdue ? '' : 'NOT '}${OVERDUE('c', today())}`);
    const conditions = where.join(' AND ') || 'TRUE';
    const countParams = [...params];
    const pageSql = `${SELECT(today())} WHERE ${conditions}
          ORDER BY (c.status = 'closed'), c.first_contact_due_on, c.clear_due_on, c.id
         OFFSET ${f.offset} LIMIT ${f.limit}`;
    const [rows, count]: [CaseCore[], { n: number }[]] = await Promise.all([
      this.dataSource.query(pageSql, params),
      this.dataSource.query(`SELECT count(*)::int AS n FROM casework_case c WHERE ${conditions}`, countParams),
    ]);
    return { rows, total: count[0].n };
  }

  /** Cases past a due date (CaseRecords.overdue names the deadline passed). */
  overdue(today: string): Promise<CaseCore[]> {
    return this.dataSource.query(`${SELECT('$1::date')} WHERE ${OVERDUE('c', '$1::date')}`, [today]);
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
}
