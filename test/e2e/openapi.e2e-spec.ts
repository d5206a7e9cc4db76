import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../src/platform/openapi/canonical-json';
import { ERROR_SCHEMA } from '../../src/platform/openapi/standard-responses';
import { contractDifferences } from '../client/contract-diff';
import { describeProblem, redoclyLint } from '../client/redocly-lint';
import { createTestApp, type TestApp } from '../support/app';
import { routeTable, type RouteInfo } from '../support/route-table';

const ROOT = join(__dirname, '..', '..');
const REGENERATE =
  'Regenerate with `npm run openapi:write` and commit openapi.json with test/client/leye-api.d.ts. ' +
  'This is a change of the contract other clients are generated from: review it as one ' +
  '(API.md: add endpoints and fields freely, rename or remove none).';

type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  'x-leye-access'?: string;
  'x-leye-roles'?: string[];
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
function operations(doc: OpenAPIObject): { key: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => ({
      key: `${m.toUpperCase()} ${path}`,
      path,
      op: (item as Record<string, Operation>)[m],
    })),
  );
}

/*
 * Issue 2: "GET /api/docs-json is a valid OpenAPI 3 document that lists every route", and API.md:
 * it "must describe every endpoint, with its DTOs and the roles that may call it".
 */

/** Fastify's "/sites/:id" is OpenAPI's "/sites/{id}". */
const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document (/api/docs-json) and UI (/api/docs)', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let apiRoutes: RouteInfo[];

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http.get('/api/docs-json').expect(200);
    doc = res.body as OpenAPIObject;
    // The JSON API and the operations endpoints; server-rendered pages are not API operations.
    apiRoutes = routeTable(t.app).filter(
      (r) => r.path.startsWith('/api/') || r.path.startsWith('/health') || r.path === '/metrics',
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('lists every API route of the running app', () => {
    const missing = apiRoutes
      .filter((r) => {
        const item = doc.paths[openApiPath(r.path)] as Record<string, unknown> | undefined;
        return !item?.[r.method.toLowerCase()];
      })
      .map((r) => `${r.key} (${r.controller}.${r.handler})`);
    expect(missing).toEqual([]);
  });

  it('every operation says who may call it: x-leye-roles, or x-leye-access: public', () => {
    const wrong: string[] = [];
    for (const r of apiRoutes) {
      const op = (doc.paths[openApiPath(r.path)] as Record<string, Record<string, unknown>> | undefined)?.[
        r.method.toLowerCase()
      ];
      if (!op) continue;
      if (r.rule?.kind === 'public') {
        if (op['x-leye-access'] !== 'public') wrong.push(`${r.key}: public route without x-leye-access`);
      } else if (
        !Array.isArray(op['x-leye-roles']) ||
        JSON.stringify([...(op['x-leye-roles'] as string[])].sort()) !==
          JSON.stringify([...(r.rule?.roles ?? [])].sort())
      ) {
        wrong.push(`${r.key}: x-leye-roles ${JSON.stringify(op['x-leye-roles'])}`);
      } else if (!op.security) {
        wrong.push(`${r.key}: no bearer security requirement`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('passes redocly lint (recommended rules, redocly.yaml) with 0 errors and 0 warnings', () => {
    // A new route without @ApiOperation({ summary }) shows up here by method, path and handler.
    const problems = redoclyLint(doc).map((p) => describeProblem(p, doc as never));
    expect(problems).toEqual([]);
  });

  it('equals the committed openapi.json, so every contract change is reviewed as such', () => {
    const committedText = readFileSync(join(ROOT, 'openapi.json'), 'utf8');
    const differences = contractDifferences(JSON.parse(committedText), doc as never);
    if (differences.length > 0) {
      throw new Error(
        `The served /api/docs-json differs from the committed openapi.json:\n  ${differences.join('\n  ')}\n${REGENERATE}`,
      );
    }
    // Same content; the committed file must also be in its canonical form (sorted keys).
    if (canonicalJson(doc) !== committedText)
      throw new Error(`openapi.json is not in its generated form. ${REGENERATE}`);
  });

  it('the committed client types are generated from the committed openapi.json', () => {
    const run = spawnSync(
      process.execPath,
      // The flags of package.json's openapi:write.
      [
        join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
        'openapi.json',
        '--default-non-nullable=false',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).not.toMatch(/✘|Error/);
    const committed = readFileSync(join(ROOT, 'test', 'client', 'leye-api.d.ts'), 'utf8');
    if (run.stdout !== committed) {
      throw new Error(
        `test/client/leye-api.d.ts is not what openapi-typescript makes of openapi.json. ${REGENERATE}`,
      );
    }
  });

  it('every operation: summary, tags, security (bearer, or [] when public), 2xx, and 4xx with the error body', () => {
    const wrong: string[] = [];
    const errorRef = `#/components/schemas/${ERROR_SCHEMA}`;
    expect(doc.components?.schemas?.[ERROR_SCHEMA]).toBeDefined();
    for (const { key, path, op } of operations(doc)) {
      const statuses = Object.keys(op.responses);
      if (!op.summary?.trim()) wrong.push(`${key}: no summary`);
      if (!op.tags?.length) wrong.push(`${key}: no tags`);
      const isPublic = op['x-leye-access'] === 'public';
      if (isPublic && JSON.stringify(op.security) !== '[]')
        wrong.push(`${key}: public but security is not []`);
      if (!isPublic && JSON.stringify(op.security) !== '[{"bearer":[]}]')
        wrong.push(`${key}: no bearer security`);
      if (!statuses.some((s) => s.startsWith('2'))) wrong.push(`${key}: no 2xx response`);
      if (!statuses.includes('401')) wrong.push(`${key}: no 401 (a bad token is refused on every route)`);
      if (!isPublic && !statuses.includes('403')) wrong.push(`${key}: no 403`);
      const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
      if (takesInput && !statuses.includes('400')) wrong.push(`${key}: takes input but documents no 400`);
      if (path.includes('{') && !statuses.includes('404'))
        wrong.push(`${key}: names an object but documents no 404`);
      for (const s of statuses.filter((x) => x.startsWith('4'))) {
        if (op.responses[s].content?.['application/json']?.schema?.$ref !== errorRef)
          wrong.push(`${key}: ${s} without the error body ${ERROR_SCHEMA}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no property is typed `object` by accident (a `T | null` field needs its type spelled out)', () => {
    // Decorator metadata types `number | null` as Object: clients then get a map instead of a number.
    const wrong: string[] = [];
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      const props = (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
      for (const [prop, p] of Object.entries(props)) {
        const shaped = ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'].some(
          (k) => k in p,
        );
        if (p.type === 'object' && p.nullable && !shaped) wrong.push(`${name}.${prop}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the 401 documented on public routes is real: a bad token is refused there too, in the error format', async () => {
    const res = await t.http
      .get('/api/v1/skills/categories')
      .set('Authorization', 'Bearer not-a-real-token-at-all');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', requestId: expect.any(String) });
  });

  it('serves the Swagger UI as HTML', async () => {
    const res = await t.http.get('/api/docs').redirects(2);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/swagger/i);
  });
});
