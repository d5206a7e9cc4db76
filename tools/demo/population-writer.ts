import type { EntityManager } from 'typeorm';
import { maskNationalId } from '../../src/platform/crypto/masking';
import type { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { skillTag, SkillTerms, type SkillWords } from '../../src/postings/posting-search-text';
import { laborCapableSql } from '../../src/residents/household-figures';
import { documentTokens } from '../../src/search/chinese-text';
import type { Population, PostingRow } from './population';

/*
 * Writes a built population in bulk (INSERT … SELECT FROM unnest(arrays), thousands of rows per
 * statement) while keeping the invariants the services keep one row at a time:
 * - national IDs and phones encrypted with PiiCipher, looked up through its HMAC, masked copy;
 * - household figures computed by SQL with the one definition (laborCapableSql);
 * - posting search tokens as PostingsService computes them (postingTokens), memoised per text;
 * - outbox events (posting.changed for open postings, resident.changed) when asked, so a worker
 *   ranks the data after start;
 * - one audit entry for the whole load.
 * Callers pass a transaction's manager: a failure leaves nothing behind.
 */

export interface WriteOptions {
  pii: PiiCipher;
  /** argon2 hash of the demo password, shared by every `password: 'demo'` account. */
  demoPasswordHash: string;
  /** Write outbox events for open postings and residents. */
  outbox: boolean;
  auditAction: string;
  /** Rows per statement. */
  batch?: number;
  /** Progress callback (table, rows written so far). */
  progress?: (table: string, rows: number) => void;
}

/** Never a valid argon2 hash: the account cannot sign in. */
export const NO_LOGIN_HASH = '!synthetic-account-without-password';

type ColumnType =
  | 'uuid'
  | 'text'
  | 'int'
  | 'smallint'
  | 'bool'
  | 'float8'
  | 'numeric'
  | 'date'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]'
  | 'uuid[]';

/** A Postgres array literal ({"a","b"}) for columns of array type passed through unnest. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: [string, ColumnType][],
  rows: unknown[][],
  batch: number,
): Promise<void> {
  const nested = (t: ColumnType) => t.endsWith('[]') || t === 'jsonb';
  const sql = `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')})
    SELECT ${columns.map(([, t], i) => `c${i}::${t}`).join(', ')}
      FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${nested(t) ? 'text' : t}[]`).join(', ')})
        AS t(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const params = columns.map(([, t], i) =>
      chunk.map((r) => {
        const v = r[i];
        if (v === null || v === undefined) return null;
        if (t === 'jsonb') return JSON.stringify(v);
        if (t.endsWith('[]')) return pgArray(v as string[]);
        return v;
      }),
    );
    await m.query(sql, params);
  }
}

/** Posting tokens exactly as postingTokens() computes them, with each text tokenised once. */
export class PostingTokenizer {
  private readonly terms: SkillTerms;
  private readonly docs = new Map<string, string[]>();
  private readonly tags = new Map<string, string[]>();
  private readonly skillTexts: Map<string, string[]>;

  constructor(skills: SkillWords[]) {
    this.terms = new SkillTerms(skills);
    this.skillTexts = new Map(skills.map((s) => [s.code, [s.nameZh, ...s.synonyms]]));
  }

  private doc(text: string): string[] {
    let t = this.docs.get(text);
    if (!t) this.docs.set(text, (t = documentTokens(text)));
    return t;
  }

  private tagsIn(text: string): string[] {
    let t = this.tags.get(text);
    if (!t) this.tags.set(text, (t = this.terms.tagsIn(text)));
    return t;
  }

  // postingTokens() takes the union of documentTokens/tagsIn over its texts, so the union of
  // per-text results is the same set (checked against it in population-writer.spec.ts).
  tokens(p: Pick<PostingRow, 'title' | 'description' | 'employerName' | 'skills'>): {
    searchTokens: string[];
    titleTokens: string[];
  } {
    const codes = p.skills.map((s) => s.code);
    const title = new Set([...this.doc(p.title), ...this.tagsIn(p.title)]);
    const search = new Set([...title, ...this.doc(p.description), ...this.tagsIn(p.description)]);
    if (p.employerName) for (const t of this.doc(p.employerName)) search.add(t);
    for (const c of codes) {
      for (const text of this.skillTexts.get(c) ?? []) for (const t of this.doc(text)) search.add(t);
      search.add(skillTag(c));
    }
    return { searchTokens: [...search], titleTokens: [...title] };
  }
}

export interface WriteCounts {
  sites: number;
  households: number;
  residents: number;
  residentSkills: number;
  residentCertificates: number;
  users: number;
  employers: number;
  postings: number;
  courses: number;
  enrollments: number;
  outboxEvents: number;
}

export async function writePopulation(
  m: EntityManager,
  pop: Population,
  skills: SkillWords[],
  o: WriteOptions,
): Promise<WriteCounts> {
  const batch = o.batch ?? 5000;
  const progress = o.progress ?? (() => undefined);
  const now = new Date().toISOString();

  await bulkInsert(
    m,
    'site',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['region_code', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['capacity', 'int'],
      ['opened_on', 'date'],
    ],
    pop.sites.map((s) => [s.id, s.name, s.regionCode, s.latitude, s.longitude, s.capacity, s.openedOn]),
    batch,
  );
  progress('site', pop.sites.length);

  await bulkInsert(
    m,
    'app_user',
    [
      ['id', 'uuid'],
      ['phone_hmac', 'text'],
      ['phone_encrypted', 'text'],
      ['password_hash', 'text'],
      ['name', 'text'],
      ['role', 'text'],
      ['scope_site_ids', 'uuid[]'],
      ['scope_region_codes', 'text[]'],
      ['resident_id', 'uuid'],
      ['employer_id', 'uuid'],
    ],
    pop.users.map((u) => [
      u.id,
      o.pii.hmac('phone', u.phone),
      o.pii.encrypt(u.phone),
      u.password === 'demo' ? o.demoPasswordHash : NO_LOGIN_HASH,
      u.name,
      u.role,
      u.scopeSiteIds,
      u.scopeRegionCodes,
      u.residentId,
      u.employerId,
    ]),
    batch,
  );
  progress('app_user', pop.users.length);

  await bulkInsert(
    m,
    'household',
    [
      ['id', 'uuid'],
      ['site_id', 'uuid'],
      ['origin_region_code', 'text'],
      ['monitoring_status', 'text'],
    ],
    pop.households.map((h) => [h.id, h.siteId, h.originRegionCode, h.monitoringStatus]),
    batch,
  );
  progress('household', pop.households.length);

  for (let start = 0; start < pop.residents.length; start += batch) {
    const chunk = pop.residents.slice(start, start + batch);
    await bulkInsert(
      m,
      'resident',
      [
        ['id', 'uuid'],
        ['household_id', 'uuid'],
        ['site_id', 'uuid'],
        ['name', 'text'],
        ['gender', 'text'],
        ['birth_date', 'date'],
        ['national_id_encrypted', 'text'],
        ['national_id_hmac', 'text'],
        ['national_id_masked', 'text'],
        ['phone_encrypted', 'text'],
        ['phone_hmac', 'text'],
        ['education', 'text'],
        ['labor_capacity', 'text'],
        ['employment_status', 'text'],
        ['consent_to_share', 'bool'],
        ['pref_industries', 'text[]'],
        ['pref_wage_min', 'numeric'],
        ['pref_schedules', 'text[]'],
        ['pref_max_commute_km', 'numeric'],
        ['pref_max_commute_minutes', 'smallint'],
        ['willing_to_work_away', 'bool'],
        ['job_alerts', 'bool'],
        ['care_duties', 'bool'],
        ['languages', 'text[]'],
        ['status', 'text'],
      ],
      chunk.map((r) => [
        r.id,
        r.householdId,
        r.siteId,
        r.name,
        r.gender,
        r.birthDate,
        o.pii.encrypt(r.nationalId),
        o.pii.hmac('national_id', r.nationalId),
        maskNationalId(r.nationalId),
        r.phone ? o.pii.encrypt(r.phone) : null,
        r.phone ? o.pii.hmac('phone', r.phone) : null,
        r.education,
        r.laborCapacity,
        r.employmentStatus,
        r.consentToShare,
        r.prefIndustries,
        r.prefWageMin,
        r.prefSchedules,
        r.prefMaxCommuteKm,
        r.prefMaxCommuteMinutes,
        r.willingToWorkAway,
        r.jobAlerts,
        r.careDuties,
        r.languages,
        'active',
      ]),
      batch,
    );
    progress('resident', start + chunk.length);
  }

  const skillRows = pop.residents.flatMap((r) => r.skills.map((s) => [r.id, s.code, s.level, s.source]));
  await bulkInsert(
    m,
    'resident_skill',
    [
      ['resident_id', 'uuid'],
      ['skill_code', 'text'],
      ['level', 'smallint'],
      ['source', 'text'],
    ],
    skillRows,
    batch * 2,
  );
  progress('resident_skill', skillRows.length);
  const certRows = pop.residents.flatMap((r) => r.certificates.map((c) => [r.id, c.type, c.expiresAt]));
  await bulkInsert(
    m,
    'resident_certificate',
    [
      ['resident_id', 'uuid'],
      ['type', 'text'],
      ['expires_at', 'date'],
    ],
    certRows,
    batch * 2,
  );
  progress('resident_certificate', certRows.length);

  // Household figures with the services' definition (household-figures.ts), in one statement.
  await m.query(
    `UPDATE household h
        SET labor_capable_members = c.capable, employed_members = c.employed,
            zero_employment = c.capable > 0 AND c.employed = 0,
            at_risk_since = CASE WHEN c.capable > 0 AND c.employed = 0 THEN now() END
       FROM (SELECT r.household_id,
                    count(*) FILTER (WHERE ${laborCapableSql('r')}) AS capable,
                    count(*) FILTER (WHERE ${laborCapableSql('r')} AND r.employment_status = 'employed') AS employed
               FROM resident r WHERE r.household_id = ANY($1::uuid[]) GROUP BY r.household_id) c
      WHERE h.id = c.household_id`,
    [pop.households.map((h) => h.id)],
  );

  const verifier = pop.users.find((u) => u.role === 'officer')?.id ?? null;
  await bulkInsert(
    m,
    'employer',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['credit_code', 'text'],
      ['kind', 'text'],
      ['industry', 'text'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['owner_user_id', 'uuid'],
      ['verified_at', 'timestamptz'],
      ['verified_by', 'uuid'],
    ],
    pop.employers.map((e) => [
      e.id,
      e.name,
      e.creditCode,
      e.kind,
      e.industry,
      e.regionCode,
      e.address,
      e.latitude,
      e.longitude,
      e.ownerUserId,
      e.verified ? now : null,
      e.verified ? verifier : null,
    ]),
    batch,
  );
  progress('employer', pop.employers.length);

  const tokenizer = new PostingTokenizer(skills);
  await bulkInsert(
    m,
    'posting',
    [
      ['id', 'uuid'],
      ['employer_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['industry', 'text'],
      ['skills', 'jsonb'],
      ['required_skill_codes', 'text[]'],
      ['skill_codes', 'text[]'],
      ['certificates', 'text[]'],
      ['headcount', 'int'],
      ['wage_min', 'numeric'],
      ['wage_max', 'numeric'],
      ['wage_unit', 'text'],
      ['schedule', 'text'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['accommodation', 'bool'],
      ['meals', 'bool'],
      ['shuttle', 'bool'],
      ['public_welfare', 'bool'],
      ['age_min', 'smallint'],
      ['age_max', 'smallint'],
      ['start_date', 'date'],
      ['expires_at', 'timestamptz'],
      ['status', 'text'],
      ['version', 'int'],
      ['published_at', 'timestamptz'],
      ['search_tokens', 'text[]'],
      ['title_tokens', 'text[]'],
    ],
    pop.postings.map((p) => {
      const t = tokenizer.tokens(p);
      return [
        p.id,
        p.employerId,
        p.title,
        p.description,
        p.industry,
        p.skills,
        p.skills.filter((s) => s.required).map((s) => s.code),
        p.skills.map((s) => s.code),
        p.certificates,
        p.headcount,
        p.wageMin,
        p.wageMax,
        p.wageUnit,
        p.schedule,
        p.regionCode,
        p.address,
        p.latitude,
        p.longitude,
        p.accommodation,
        p.meals,
        p.shuttle,
        p.publicWelfare,
        p.ageMin,
        p.ageMax,
        p.startDate,
        p.expiresAt,
        p.status,
        1,
        p.publishedAt,
        t.searchTokens,
        t.titleTokens,
      ];
    }),
    batch,
  );
  progress('posting', pop.postings.length);

  const seats = new Map<string, number>();
  for (const e of pop.enrollments) seats.set(e.courseId, (seats.get(e.courseId) ?? 0) + 1);
  await bulkInsert(
    m,
    'course',
    [
      ['id', 'uuid'],
      ['provider_user_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['skills', 'jsonb'],
      ['skill_codes', 'text[]'],
      ['certificate', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['capacity', 'int'],
      ['subsidized', 'bool'],
      ['subsidy_note', 'text'],
      ['enrolled_count', 'int'],
    ],
    pop.courses.map((c) => [
      c.id,
      c.providerUserId,
      c.title,
      c.description,
      c.skills,
      c.skills.map((s) => s.code),
      c.certificate,
      c.startDate,
      c.endDate,
      c.regionCode,
      c.address,
      c.latitude,
      c.longitude,
      c.capacity,
      c.subsidized,
      c.subsidyNote,
      seats.get(c.id) ?? 0,
    ]),
    batch,
  );
  await bulkInsert(
    m,
    'course_session',
    [
      ['id', 'uuid'],
      ['course_id', 'uuid'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['place', 'text'],
    ],
    pop.courses.flatMap((c) => c.sessions.map((s) => [s.id, c.id, s.startsAt, s.endsAt, s.place])),
    batch,
  );
  await bulkInsert(
    m,
    'enrollment',
    [
      ['id', 'uuid'],
      ['course_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['status', 'text'],
      ['history', 'jsonb'],
    ],
    pop.enrollments.map((e) => [
      e.id,
      e.courseId,
      e.residentId,
      'enrolled',
      [{ status: 'enrolled', at: now, by: e.enrolledBy }],
    ]),
    batch,
  );
  progress('course', pop.courses.length);

  let outboxEvents = 0;
  if (o.outbox) {
    const open = pop.postings.filter((p) => p.status === 'open').map((p) => p.id);
    await m.query(
      `INSERT INTO outbox_event (kind, entity_id, version, payload)
       SELECT 'posting.changed', id, version, jsonb_build_object('status', status) FROM posting WHERE id = ANY($1::uuid[])`,
      [open],
    );
    const ids = pop.residents.map((r) => r.id);
    await m.query(
      `INSERT INTO outbox_event (kind, entity_id, version, payload) SELECT 'resident.changed', id, 1, '{}'::jsonb FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    outboxEvents = open.length + ids.length;
  }

  const counts: WriteCounts = {
    sites: pop.sites.length,
    households: pop.households.length,
    residents: pop.residents.length,
    residentSkills: skillRows.length,
    residentCertificates: certRows.length,
    users: pop.users.length,
    employers: pop.employers.length,
    postings: pop.postings.length,
    courses: pop.courses.length,
    enrollments: pop.enrollments.length,
    outboxEvents,
  };
  await m.query(
    `INSERT INTO audit_entry (actor_id, actor_role, action, entity_type, details) VALUES (NULL, 'system', $1, 'population', $2::jsonb)`,
    [o.auditAction, JSON.stringify({ synthetic: true, ...counts })],
  );
  return counts;
}
