import { ROLES, type Role } from '../../src/access/role';
import { createTestApp, type TestApp } from '../support/app';
import {
  createSite,
  employerAccount,
  login,
  loginAdmin,
  registerAccount,
  staff,
  uniquePhone,
  type Session,
} from '../support/factories';
import { declaredAccess, routeTable, type RouteInfo } from '../support/route-table';
import { PERMISSIONS } from './permissions';

/*
 * Issue 2: "Routes are closed by default: a test fails when a route declares no access rule."
 * Issue 7: "a matrix test that calls every route (read from the running app's route table, so a
 * new route cannot be forgotten) [...] and checks each answer against a declared permission
 * table reviewed like code."
 */

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

function tableEntry(r: RouteInfo): string {
  const access = declaredAccess(r.rule);
  const value = access === 'public' ? "'public'" : `[${(access ?? []).map((x) => `'${x}'`).join(', ')}]`;
  return `'${r.key}': ${value},`;
}

function concretePath(path: string): string {
  return path
    .replace(/:code\b/g, 'zz')
    .replace(/:[A-Za-z]+/g, DUMMY_ID)
    .replace(/\{\*[A-Za-z]*\}|\*/g, 'x');
}

/** A web page route: outside /api/v1 and not an operations endpoint. */
function isPage(r: RouteInfo): boolean {
  return !r.path.startsWith('/api/') && !r.path.startsWith('/health') && r.path !== '/metrics';
}

describe('access rules (closed by default, one declared permission table)', () => {
  let t: TestApp;
  let routes: RouteInfo[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = routeTable(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a non-trivial route table', () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/me', 'GET /health/ready']),
    );
  });

  it('every route declares exactly one access rule (@Public, @Allow or @Authenticated)', () => {
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.key} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('every route is in test/e2e/permissions.ts, with the same access as its declaration', () => {
    const problems: string[] = [];
    for (const r of routes) {
      const declared = declaredAccess(r.rule);
      const table = PERMISSIONS[r.key];
      if (table === undefined) {
        problems.push(`missing: add to test/e2e/permissions.ts  ${tableEntry(r)}`);
        continue;
      }
      const tableAccess = table === 'public' ? 'public' : [...table].sort();
      if (JSON.stringify(tableAccess) !== JSON.stringify(declared))
        problems.push(
          `differs: ${r.key} declares ${JSON.stringify(declared)} in ${r.controller}.${r.handler} but permissions.ts says ${JSON.stringify(tableAccess)}`,
        );
    }
    const served = new Set(routes.map((r) => r.key));
    for (const key of Object.keys(PERMISSIONS)) {
      if (!served.has(key)) problems.push(`stale: ${key} is in permissions.ts but the app does not serve it`);
    }
    expect(problems).toEqual([]);
  });

  describe('the matrix: every route as anonymous and as each role', () => {
    const results: {
      key: string;
      who: Role | 'anonymous';
      status: number;
      location?: string;
      /** A form post refused for its missing CSRF token (not a role decision). */
      csrf: boolean;
    }[] = [];

    beforeAll(async () => {
      const admin = await loginAdmin(t.http);
      const site = await createSite(t.http, admin);
      const residentPhone = uniquePhone();
      const reg = await registerAccount(t.http, {
        phone: residentPhone,
        name: '矩阵居民',
        role: 'resident',
        siteId: site.id,
      });
      if (reg.status !== 201) throw new Error(`register resident: ${reg.status} ${JSON.stringify(reg.body)}`);
      const who: Record<Role, Session> = {
        resident: await login(t.http, residentPhone),
        employer: await employerAccount(t.http),
        officer: await staff(t.http, admin, 'officer', { siteIds: [site.id] }),
        provider: await staff(t.http, admin, 'provider'),
        admin: await staff(t.http, admin, 'admin'),
        liaison: await staff(t.http, admin, 'liaison'),
      };
      // Sign-outs last: they end the session the other calls use.
      const ordered = [...routes].sort(
        (a, b) => Number(a.path.includes('logout')) - Number(b.path.includes('logout')),
      );
      for (const r of ordered) {
        const path = concretePath(r.path);
        for (const role of [undefined, ...ROLES]) {
          const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
          let req = t.http[method](path).redirects(0);
          if (role) req = req.set(who[role].auth);
          if (method !== 'get' && method !== 'delete') req = req.send({});
          const res = await req;
          results.push({
            key: r.key,
            who: role ?? 'anonymous',
            status: res.status,
            location: res.headers.location,
            // Form posts without the page's CSRF token are refused before any role check (the
            // web pages' own tests cover CSRF); the role half of those routes is the GET page.
            csrf: isPage(r) && r.method !== 'GET' && res.status === 403,
          });
        }
      }
    }, 300_000);

    it('anonymous callers get 401 on every non-public route (pages: a redirect to sign in)', () => {
      const wrong = results.filter((x) => {
        if (x.who !== 'anonymous' || PERMISSIONS[x.key] === 'public' || !PERMISSIONS[x.key]) return false;
        const page = isPage(routes.find((r) => r.key === x.key)!);
        if (x.status === 401) return false;
        // A page form posted without its CSRF token is refused (403) before any handler or guard runs.
        if (x.csrf) return false;
        return !(page && (x.status === 302 || x.status === 303) && /login/.test(x.location ?? ''));
      });
      expect(wrong.map((x) => `${x.key} as anonymous → ${x.status}`)).toEqual([]);
    });

    it('a signed-in role not in the table gets 403', () => {
      const wrong = results.filter((x) => {
        const allowed = PERMISSIONS[x.key];
        if (!allowed || x.who === 'anonymous' || allowed === 'public' || allowed.includes(x.who))
          return false;
        return x.status !== 403;
      });
      expect(wrong.map((x) => `${x.key} as ${x.who} → ${x.status} (expected 403)`)).toEqual([]);
    });

    it('an allowed role (or anyone on a public route) is never refused with 401/403', () => {
      const wrong = results.filter((x) => {
        const allowed = PERMISSIONS[x.key];
        if (!allowed) return false; // reported by the table test
        const may = allowed === 'public' || (x.who !== 'anonymous' && allowed.includes(x.who));
        return may && (x.status === 401 || (x.status === 403 && !x.csrf));
      });
      expect(wrong.map((x) => `${x.key} as ${x.who} → ${x.status}`)).toEqual([]);
    });

    it('no call with a dummy id or an empty body ends in a 5xx', () => {
      const wrong = results.filter((x) => x.status >= 500 && x.key !== 'GET /health/ready');
      expect(wrong.map((x) => `${x.key} as ${x.who} → ${x.status}`)).toEqual([]);
    });
  });
});
