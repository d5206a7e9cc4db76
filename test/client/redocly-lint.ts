import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/**
 * `npx redocly lint --format=json` with the committed redocly.yaml on `doc` (written to a
 * temporary file): the CLI itself, so the test and a developer's terminal agree. Errors and warnings.
 */
export function redoclyLint(doc: unknown): LintProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'leye-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(
      process.execPath,
      [CLI, 'lint', file, '--format=json', '--max-problems=10000', `--config=${join(ROOT, 'redocly.yaml')}`],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        timeout: 60_000,
      },
    );
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    if (!json) throw new Error(`redocly lint printed no report (exit ${run.status}): ${run.stderr}`);
    return (JSON.parse(json) as { problems: LintProblem[] }).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Ops = Record<string, Record<string, { operationId?: string }>>;

/** One line per problem, naming the operation ("POST /api/v1/x (Controller_handler)") and the fix. */
export function describeProblem(p: LintProblem, doc: { paths: Ops }): string {
  const pointer = p.location[0]?.pointer ?? '';
  const m = /^#\/paths\/([^/]+)\/([a-z]+)/.exec(pointer);
  const where = m
    ? (() => {
        const path = decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~');
        const op = doc.paths[path]?.[m[2]];
        return `${m[2].toUpperCase()} ${path}${op?.operationId ? ` (${op.operationId})` : ''}`;
      })()
    : pointer;
  const fix =
    p.ruleId === 'operation-summary'
      ? ' — add @ApiOperation({ summary: "…" }) to the handler, in plain words'
      : '';
  return `${p.severity} ${p.ruleId}: ${where}: ${p.message}${fix}`;
}
