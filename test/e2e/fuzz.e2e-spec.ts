import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { Role } from '../../src/access/role';
import { buildOpenApi } from '../../src/http-app';
import { createTestApp, type TestApp } from '../support/app';
import { PASSWORD, staff, uniquePhone, type Session } from '../support/factories';
import { employerBody, postingBody } from '../support/postings-factories';
import { residentBody } from '../support/residents-factories';
import { courseBody } from '../support/training-factories';
import { declaredAccess, routeTable, type RouteInfo } from '../support/route-table';
import {
  runUniqueCreditCode,
  runUniqueIdentity,
  countChanges,
  errorFormatProblem,
  securityWorld,
  tableCounts,
  type SecurityWorld,
} from '../support/security-factories';

/*
 * Issue 7 item 3: "property-based fuzzing (fast-check) of every write endpoint's body, query and
 * path: never a 5xx, never a stored half-record". The routes come from the running app (a new
 * route is fuzzed without anyone adding it here); each is called as a role that may call it, with
 * real ids in the path (so bodies reach validation and the services), then with hostile path
 * segments and query strings. Every answer: below 500, errors in API.md's format; a batch whose
 * answers were all 4xx leaves every table's row count unchanged.
 */

jest.setTimeout(240_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
// A fixed seed keeps CI repeatable; FUZZ_SEED=<n> explores other inputs (and replays a report).
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

/** Routes not fuzzed, and why. */
const SKIPPED: Record<string, string> = {
  'POST /api/v1/auth/logout': 'ends the session the other calls use (auth.e2e-spec covers it)',
};

/** Tables a refused request may legitimately write to. */
const MAY_CHANGE_ON_REFUSAL: string[] = [];

/** The role that calls each route: the widest allowed one. */
const ROLE_ORDER: Role[] = ['admin', 'officer', 'employer', 'resident', 'provider'];

// ---- hostile values ----------------------------------------------------------------------------

const deep = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const HOSTILE_CONSTANTS: unknown[] = [
  1e308,
  -1e308,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  0.1 + 0.2,
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE posting; --",
  "%' OR 1=1 --",
  '<script>alert(1)</script>',
  '\ud800',
  '𠮷𠮷𠮷🙂\u202e',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  DUMMY_ID,
  'x'.repeat(20_000),
  [],
  {},
  [null],
  { __proto__: { admin: true } },
  deep(200, 1),
  true,
  null,
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double().map((d) => (Number.isFinite(d) ? d : 1e308)) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
);

/**
 * A body built from the route's documented fields (so the values reach each validator) and, where
 * a valid body is known, that body with one field made hostile (so the rest passes validation and
 * the value reaches the service and the database).
 */
function bodyFor(fields: string[], valid?: Record<string, unknown>): fc.Arbitrary<unknown> {
  const mutated = valid
    ? fc.tuple(fc.constantFrom(...Object.keys(valid)), hostileValue, fc.boolean()).map(([k, v, nested]) => {
        const current = valid[k];
        // Inside a nested object or the first array item, when the field has one.
        if (nested && current && typeof current === 'object') {
          const inner = Array.isArray(current) ? current[0] : current;
          if (inner && typeof inner === 'object') {
            const keys = Object.keys(inner);
            const changed = { ...inner, [keys[keys.length - 1]]: v };
            return { ...valid, [k]: Array.isArray(current) ? [changed] : changed };
          }
        }
        return { ...valid, [k]: v };
      })
    : null;
  const known = fields.length
    ? fc.dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: Math.min(fields.length, 6) })
    : fc.constant({});
  return fc.oneof(
    { weight: mutated ? 5 : 0, arbitrary: mutated ?? known },
    { weight: mutated ? 2 : 5, arbitrary: known },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          known,
          fc.constantFrom('id', 'status', 'version', 'employerId', 'createdAt', 'role'),
          hostileValue,
        )
        .map(([o, k, v]) => ({ ...o, [k]: v })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.array(hostileValue, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(deep(1000, 'x'), 'just a string', 42, null) },
  );
}

/** Raw JSON texts JSON.stringify cannot make: prototype pollution attempts. */
const RAW_BODIES = [
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '{"a":1,"a":2}',
  '[]',
  '"x"',
  '1e999',
  'null',
];

const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%2e%2e',
    '%ff%fe',
    '%',
    '%zz',
    'null',
    'undefined',
    '-1',
    '0',
    '1e308',
    'NaN',
    '00000000-0000-0000-0000-000000000000',
    '00000000-0000-4000-8000-00000000000G',
    'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
    `${DUMMY_ID}%00`,
    `${DUMMY_ID}'--`,
    "1' OR '1'='1",
    'x'.repeat(3000),
    encodeURIComponent('<script>alert(1)</script>'),
    encodeURIComponent('𠮷🙂'),
  ),
  fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent),
);

const queryText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('q', 'page', 'pageSize', 'sort', 'status', 'x'), fc.string({ maxLength: 10 })),
      fc.oneof(
        fc.constantFrom(
          '-1',
          '0',
          '1e308',
          '101',
          'NaN',
          '',
          '%00',
          "' OR 1=1 --",
          '[]',
          'true',
          'x'.repeat(3000),
        ),
        fc.string({ maxLength: 30 }),
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

// ---- the run -------------------------------------------------------------------------------------

interface Finding {
  route: string;
  as: string;
  request: string;
  status: number;
  problem: string;
}

describe('fuzzing every write endpoint and every query (fast-check)', () => {
  let t: TestApp;
  let ds: DataSource;
  let routes: RouteInfo[];
  let doc: OpenAPIObject;
  let w: SecurityWorld;
  let who: Record<Role, Session>;
  const findings: Finding[] = [];
  const halfRecords: string[] = [];
  let requests = 0;
  const byStatus: Record<number, number> = {};
  let refusedBatches = 0;
  let fieldsSeen = 0;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    doc = buildOpenApi(t.app);
    routes = routeTable(t.app).filter((r) => r.path.startsWith('/api/v1/'));
    w = await securityWorld(t.http);
    who = {
      admin: w.admin,
      officer: w.officer,
      employer: w.employerA.session,
      resident: w.residentA.session,
      provider: w.provider,
      liaison: await staff(t.http, w.admin, 'liaison'),
    };

    console.log(`fuzz: seed ${SEED}, ${RUNS} runs per route (FUZZ_SEED / FUZZ_RUNS to replay)`);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The real object each route's :id names, so a body gets past the 404 to the validators. */
  function realId(path: string): string {
    const table: [RegExp, string][] = [
      [/^\/api\/v1\/postings\/:id/, w.draftA.id],
      [/^\/api\/v1\/employers\/:id/, w.employerA.employer.id],
      [/^\/api\/v1\/residents\/:id\/(export|recommendations)/, w.residentA.resident.id],
      [/^\/api\/v1\/residents\/:id\/erase/, w.residentB.resident.id],
      [/^\/api\/v1\/residents\/:id/, w.residentA.resident.id],
      [/^\/api\/v1\/households\/:id/, w.householdA],
      [/^\/api\/v1\/sites\/:id/, w.site.id],
      [/^\/api\/v1\/courses\/:id/, w.courseId],
    ];
    return table.find(([re]) => re.test(path))?.[1] ?? DUMMY_ID;
  }

  /** Valid bodies of the main write routes (one field of them is made hostile). */
  function validBody(r: RouteInfo): Record<string, unknown> | undefined {
    const bodies: Record<string, () => Record<string, unknown>> = {
      'POST /api/v1/postings': () => postingBody(),
      'PATCH /api/v1/postings/:id': () => postingBody(),
      'POST /api/v1/employers': () => employerBody({ creditCode: runUniqueCreditCode() }),
      'PATCH /api/v1/employers/:id': () => employerBody(),
      'POST /api/v1/residents': () => ({ ...residentBody(w.householdA, runUniqueIdentity()) }),
      'PATCH /api/v1/residents/:id': () => {
        const { nationalId: _n, householdId: _h, ...rest } = residentBody(w.householdA);
        return rest;
      },
      'POST /api/v1/households': () => ({
        siteId: w.site.id,
        originRegionCode: '422802107',
        monitoringStatus: 'none',
      }),
      'PATCH /api/v1/households/:id': () => ({ originRegionCode: '422802107', monitoringStatus: 'unstable' }),
      'POST /api/v1/sites': () => ({
        name: '模糊测试安置点',
        regionCode: '422802107',
        latitude: 30.06,
        longitude: 108.75,
        capacity: 100,
      }),
      'PATCH /api/v1/sites/:id': () => ({ name: '模糊测试安置点', capacity: 100 }),
      'POST /api/v1/courses': () => ({ ...courseBody() }),
      'PATCH /api/v1/courses/:id': () => ({ ...courseBody() }),
      'POST /api/v1/placements': () => ({
        residentId: w.residentA.resident.id,
        employerName: '模糊测试企业',
        kind: 'local_enterprise',
        startDate: '2026-01-05',
        monthlyIncome: 3000,
      }),
      'POST /api/v1/applications': () => ({ postingId: w.openA.id, residentId: w.residentA.resident.id }),
      'POST /api/v1/auth/register': () => ({
        phone: uniquePhone(),
        password: PASSWORD,
        name: '模糊',
        role: 'resident',
        siteId: w.site.id,
      }),
      'POST /api/v1/auth/login': () => ({ phone: uniquePhone(), password: PASSWORD }),
      'POST /api/v1/users': () => ({
        phone: uniquePhone(),
        password: PASSWORD,
        name: '模糊',
        role: 'officer',
        scope: { siteIds: [w.site.id], regionCodes: [] },
      }),
    };
    return bodies[r.key]?.();
  }

  function caller(r: RouteInfo): { role: Role | 'anonymous'; auth: Record<string, string> } {
    const allowed = declaredAccess(r.rule);
    if (!allowed || allowed === 'public') return { role: 'anonymous', auth: {} };
    let role = ROLE_ORDER.find((x) => allowed.includes(x)) ?? 'admin';
    // A resident's own data is the resident's to export.
    if (r.path.endsWith('/export')) role = 'resident';
    return { role, auth: who[role].auth };
  }

  function documentedFields(r: RouteInfo): { body: string[]; query: string[] } {
    const op = (
      doc.paths[r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')] as Record<string, unknown> | undefined
    )?.[r.method.toLowerCase()] as
      | {
          requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
          parameters?: { in: string; name: string }[];
        }
      | undefined;
    const ref = op?.requestBody?.content?.['application/json']?.schema?.$ref;
    const schema = ref
      ? (doc.components?.schemas?.[ref.split('/').pop()!] as { properties?: Record<string, unknown> })
      : undefined;
    return {
      body: Object.keys(schema?.properties ?? {}),
      query: (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    };
  }

  async function send(
    r: RouteInfo,
    path: string,
    auth: Record<string, string>,
    body?: { json?: unknown; raw?: string },
  ): Promise<Response> {
    requests += 1;
    const res = await sendRaw(r, path, auth, body);
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
    return res;
  }

  function sendRaw(
    r: RouteInfo,
    path: string,
    auth: Record<string, string>,
    body?: { json?: unknown; raw?: string },
  ): Promise<Response> {
    const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let req = t.http[method](path).set(auth).redirects(0);
    if (body?.raw !== undefined) req = req.set('Content-Type', 'application/json').send(body.raw);
    else if (body && 'json' in body)
      req = req.set('Content-Type', 'application/json').send(JSON.stringify(body.json));
    return req;
  }

  function check(r: RouteInfo, as: string, request: string, res: Response): void {
    if (res.status >= 500) {
      findings.push({ route: r.key, as, request, status: res.status, problem: JSON.stringify(res.body) });
      return;
    }
    if (res.status >= 400) {
      const problem = errorFormatProblem(res.status, res.body);
      if (problem) findings.push({ route: r.key, as, request, status: res.status, problem });
    }
  }

  async function batch(label: string, r: RouteInfo, run: (statuses: number[]) => Promise<void>) {
    const before = await tableCounts(ds);
    const statuses: number[] = [];
    await run(statuses);
    if (statuses.length && statuses.every((s) => s >= 400 && s < 500)) {
      refusedBatches += 1;
      const changed = countChanges(before, await tableCounts(ds), MAY_CHANGE_ON_REFUSAL);
      if (changed.length)
        halfRecords.push(`${label} ${r.key}: all ${statuses.length} refused, yet ${changed.join(', ')}`);
    }
  }

  it('fuzzes bodies, paths and queries without a 5xx, a malformed error or a half-record', async () => {
    const writes = routes.filter((r) => r.method !== 'GET' && !SKIPPED[r.key]);
    const reads = routes.filter((r) => r.method === 'GET');
    expect(writes.length).toBeGreaterThan(20);

    for (const r of writes) {
      const { role, auth } = caller(r);
      const path = r.path.replace(/:[A-Za-z]+/g, () => realId(r.path));
      const { body: fields } = documentedFields(r);
      fieldsSeen += fields.length;
      await batch('body', r, async (statuses) => {
        await fc.assert(
          fc.asyncProperty(bodyFor(fields, validBody(r)), async (json) => {
            const res = await send(r, path, auth, { json });
            statuses.push(res.status);
            check(r, role, `${r.method} ${path} ${JSON.stringify(json)?.slice(0, 300)}`, res);
          }),
          { numRuns: RUNS, seed: SEED },
        );
        // Every field of a valid body set to null, one at a time (PATCH with "field": null).
        const valid = validBody(r);
        for (const k of Object.keys(valid ?? {})) {
          const json = { ...valid, [k]: null };
          const res = await send(r, path, auth, { json });
          statuses.push(res.status);
          check(r, role, `${r.method} ${path} ${JSON.stringify(json).slice(0, 300)}`, res);
        }
        for (const raw of RAW_BODIES) {
          const res = await send(r, path, auth, { raw });
          statuses.push(res.status);
          check(r, role, `${r.method} ${path} raw ${raw}`, res);
        }
      });
    }

    for (const r of routes.filter((x) => /:[A-Za-z]+/.test(x.path) && !SKIPPED[x.key])) {
      const { role, auth } = caller(r);
      await batch('path', r, async (statuses) => {
        await fc.assert(
          fc.asyncProperty(hostileSegment, async (segment) => {
            const path = r.path.replace(/:[A-Za-z]+/g, segment);
            const res = await send(r, path, auth, r.method === 'GET' ? undefined : { json: {} });
            // A segment that leaves the route (".." or "%2F") may land on another route or a page.
            if (res.status !== 404 || res.body?.statusCode) check(r, role, `${r.method} ${path}`, res);
            if (res.status >= 500) statuses.push(res.status);
            else statuses.push(res.status);
          }),
          { numRuns: Math.ceil(RUNS / 2), seed: SEED },
        );
      });
    }

    for (const r of reads.filter((x) => !SKIPPED[x.key])) {
      const { role, auth } = caller(r);
      const path = r.path.replace(/:[A-Za-z]+/g, () =>
        r.path.includes(':code') ? 'tea.picking' : realId(r.path),
      );
      const { query } = documentedFields(r);
      const documented = fc
        .array(
          fc.tuple(fc.constantFrom(...(query.length ? query : ['q'])), fc.oneof(hostileValue, fc.string())),
          {
            maxLength: 5,
          },
        )
        .map((pairs) =>
          pairs
            .map(
              ([k, v]) =>
                `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
            )
            .join('&'),
        );
      await batch('query', r, async (statuses) => {
        await fc.assert(
          fc.asyncProperty(fc.oneof(documented, queryText), async (qs) => {
            const res = await send(r, `${path}?${qs}`, auth);
            statuses.push(res.status);
            check(r, role, `GET ${path}?${qs.slice(0, 300)}`, res);
          }),
          { numRuns: Math.ceil(RUNS / 2), seed: SEED },
        );
      });
    }

    console.log(
      `fuzz: ${requests} requests over ${routes.length} routes (${fieldsSeen} documented body fields); ` +
        `${refusedBatches} batches all refused; statuses ${JSON.stringify(byStatus)}`,
    );
    expect(fieldsSeen).toBeGreaterThan(50);
    // One line per route, status and problem, with the first request that showed it.
    const distinct = new Map<string, string>();
    for (const f of findings) {
      const key = `${f.route} as ${f.as} → ${f.status} ${f.problem.slice(0, 200)}`;
      if (!distinct.has(key)) distinct.set(key, `${key}  e.g. ${f.request}`);
    }
    expect([...distinct.values()]).toEqual([]);
    expect(halfRecords).toEqual([]);
  });
});
