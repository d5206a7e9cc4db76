import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { rosterParseChildEnv } from '../platform/config/child-process-env';
import {
  IMPORT_MAX_ROWS,
  IMPORT_MAX_TEXT_CHARS,
  IMPORT_MAX_UNCOMPRESSED_BYTES,
  IMPORT_MAX_ZIP_ENTRIES,
  IMPORT_PARSE_HEAP_MB,
  IMPORT_PARSE_TIMEOUT_MS,
} from './import-settings';
import type { RosterParseReply, RosterParseRequest } from './roster-parse.child';
import { RosterFileError, type RawRow } from './roster-reader';
import { inspectZip } from './zip-inspection';

export interface RosterParseLimits {
  maxRows: number;
  maxTextChars: number;
  maxUncompressedBytes: number;
  maxEntries: number;
  heapMb: number;
  timeoutMs: number;
}

export const ROSTER_PARSE_LIMITS: RosterParseLimits = {
  maxRows: IMPORT_MAX_ROWS,
  maxTextChars: IMPORT_MAX_TEXT_CHARS,
  maxUncompressedBytes: IMPORT_MAX_UNCOMPRESSED_BYTES,
  maxEntries: IMPORT_MAX_ZIP_ENTRIES,
  heapMb: IMPORT_PARSE_HEAP_MB,
  timeoutMs: IMPORT_PARSE_TIMEOUT_MS,
};

const TOO_BIG = '文件解压后过大或结构异常，超出导入的内存上限，不像是花名册；请检查文件或拆分后导入';
const TOO_SLOW = '读取文件超时，不像是花名册；请检查文件或拆分后导入';

/**
 * A child process, not a worker thread: V8 may end the whole process when a worker thread hits
 * its heap limit on a large allocation (seen with a row of millions of cells), and a child that
 * dies takes nothing with it. The built app forks the compiled .js; under Jest the sources are
 * TypeScript, so the child compiles them with swc (a dev dependency, never reached from dist/).
 */
function startChild(heapMb: number, tmp: string): ChildProcess {
  const entry = join(__dirname, `roster-parse.child${extname(__filename)}`);
  const args = entry.endsWith('.ts')
    ? [
        '-e',
        `const swc = require('@swc/core'); const fs = require('node:fs');
         require.extensions['.ts'] = (m, f) => m._compile(swc.transformSync(fs.readFileSync(f, 'utf8'), { filename: f }).code, f);
         require(${JSON.stringify(entry)});`,
      ]
    : [entry];
  return spawn(process.execPath, [`--max-old-space-size=${heapMb}`, ...args], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
    // No secrets of the api (database URL, keys) in the process that reads an untrusted file.
    env: rosterParseChildEnv(tmp),
  });
}

function runChild(
  request: RosterParseRequest,
  limits: RosterParseLimits,
  tmp: string,
): Promise<RosterParseReply> {
  const child = startChild(limits.heapMb, tmp);
  return new Promise<RosterParseReply>((resolve) => {
    let settled = false;
    const settle = (r: RosterParseReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(r);
    };
    const timer = setTimeout(
      () => settle({ ok: false, fileError: true, message: TOO_SLOW }),
      limits.timeoutMs,
    );
    child.once('message', (r: RosterParseReply) => settle(r));
    child.once('error', (e) =>
      settle({ ok: false, fileError: false, message: `roster parse process: ${e.message}` }),
    );
    // Out of memory ends the child with SIGABRT (or a non-zero code) before it answers.
    child.once('exit', () => settle({ ok: false, fileError: true, message: TOO_BIG }));
    child.send(request);
  });
}

/**
 * The rows of a roster file, parsed where a hostile file cannot hurt the process (issue 12
 * item 5): the zip's directory is checked first; then a child process with a heap cap and a time
 * limit inflates the workbook under a byte cap (zip-repack.ts) and reads it. Whatever goes wrong
 * with the file ends as a RosterFileError.
 */
export async function parseRosterBounded(
  format: 'xlsx' | 'csv',
  content: Buffer,
  limits: RosterParseLimits = ROSTER_PARSE_LIMITS,
): Promise<RawRow[]> {
  if (format === 'xlsx') inspectZip(content, limits);
  const request: RosterParseRequest = {
    format,
    content: new Uint8Array(content),
    maxRows: limits.maxRows,
    maxTextChars: limits.maxTextChars,
    maxUncompressedBytes: limits.maxUncompressedBytes,
    maxEntries: limits.maxEntries,
  };
  // A temporary folder of this parse only (exceljs may write one there), removed whatever happens.
  const tmp = await mkdtemp(join(tmpdir(), 'leye-roster-'));
  let reply: RosterParseReply;
  try {
    reply = await runChild(request, limits, tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (reply.ok) return reply.rows;
  if (reply.fileError) throw new RosterFileError(reply.message);
  throw new Error(reply.message);
}
