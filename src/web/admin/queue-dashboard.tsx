import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AuthService } from '../../access/auth.service';
import type { AuthUser } from '../../access/auth-user';
import { WebSessions } from '../../access/web-sessions';
import { toErrorBody } from '../../platform/http/domain-errors-http';
import { JobQueue } from '../../platform/queue/job-queue.service';
import { ErrorPage } from '../pages/error-page';
import { redirect, render } from '../render';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board's page template without its Google Fonts stylesheet: fonts.googleapis.com is
 * unreachable from mainland China, so the page would hang on it (or, under our CSP, log a
 * blocked request). The UI falls back to the system sans-serif. The template is copied from the
 * installed @bull-board/ui at start-up, so its hashed asset names always match the package.
 */
function viewsWithoutThirdParties(): string {
  const uiDist = join(dirname(require.resolve('@bull-board/ui/package.json')), 'dist');
  const html = readFileSync(join(uiDist, 'index.ejs'), 'utf8').replace(
    /<link[^>]+fonts\.(googleapis|gstatic)\.com[^>]*>/g,
    '',
  );
  if (/googleapis|gstatic/.test(html)) throw new Error('Bull Board template still loads Google Fonts');
  // One directory per template content, shared by every process of the machine; written
  // through a rename, so a process starting beside another never reads half a file.
  const dir = join(
    tmpdir(),
    `leye-bull-board-${createHash('sha256').update(html).digest('hex').slice(0, 16)}`,
  );
  mkdirSync(dir, { recursive: true });
  const part = join(dir, `index.ejs.${process.pid}`);
  writeFileSync(part, html);
  renameSync(part, join(dir, 'index.ejs'));
  return dir;
}

/** A person opening the dashboard in a browser (not the dashboard's own JSON calls). */
function wantsPage(req: FastifyRequest): boolean {
  return (
    req.method === 'GET' &&
    !req.url.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`) &&
    /text\/html/.test(req.headers.accept ?? '')
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state change carried by the web cookie must come from our own pages. The board's UI is a
 * script of ours that cannot add a CSRF header, but every browser sends `Origin` on a non-GET
 * fetch, so a cross-site form or fetch riding the admin's cookie (SameSite=Lax lets top-level
 * POSTs through in old browsers) is refused here. Bearer calls carry no ambient credential.
 */
function sameOrigin(req: FastifyRequest): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return false;
  try {
    return new URL(source).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Bull Board at /admin/queues, for admins only: a bearer token (scripts) or the web session.
 * Signed out in a browser → the sign-in page, and back here afterwards; the board's JSON API
 * answers 401/403 in the API's error format.
 */
export async function mountQueueDashboard(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
): Promise<void> {
  const auth = app.get(AuthService);
  const web = app.get(WebSessions);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueue)
      .allQueues()
      .map((q) => new BullMQAdapter(q)),
    serverAdapter,
  });
  // After createBullBoard, which points the adapter at the package's own template.
  serverAdapter.setViewsPath(viewsWithoutThirdParties());

  const bearerOf = (req: FastifyRequest): string | null => {
    const header = req.headers.authorization;
    return (header ? /^Bearer (\S+)$/.exec(header) : null)?.[1] ?? null;
  };
  const identify = async (req: FastifyRequest): Promise<AuthUser | null> => {
    try {
      const token = bearerOf(req);
      return token ? await auth.authenticate(token, req.ip, String(req.id)) : await web.identify(req);
    } catch {
      return null;
    }
  };

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const user = await identify(req);
      if (!user) {
        if (wantsPage(req)) return redirect(reply, `/login?next=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`);
        return reply.code(401).send(toErrorBody(401, 'Sign in as an admin', String(req.id)));
      }
      if (user.role !== 'admin') {
        if (wantsPage(req)) return render(reply, <ErrorPage status={403} />, { status: 403 });
        return reply.code(403).send(toErrorBody(403, 'Only for: admin', String(req.id)));
      }
      if (!SAFE_METHODS.has(req.method) && !bearerOf(req) && !sameOrigin(req)) {
        return reply.code(403).send(toErrorBody(403, 'Cross-site request refused', String(req.id)));
      }
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
