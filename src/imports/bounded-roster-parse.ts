import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  IMPORT_MAX_ROWS,
  IMPORT_MAX_TEXT_CHARS,
  IMPORT_MAX_UNCOMPRESSED_BYTES,
  IMPORT_MAX_ZIP_ENTRIES,
  IMPORT_PARSE_HEAP_MB,
  IMPORT_PARSE_TIMEOUT_MS,
} from './import-settings';
import type { RosterParseReply, RosterParseRequest } from './roster-parse.worker';
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

/**
 * The built app runs the compiled .js worker; under Jest the sources are TypeScript, so the
 * worker compiles them with swc (a dev dependency, never reached from dist/).
 */
function startWorker(request: RosterParseRequest, heapMb: number): Worker {
  const entry = join(__dirname, `roster-parse.worker${extname(__filename)}`);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: request, resourceLimits });
  const code = `
    const swc = require('@swc/core');
    const fs = require('node:fs');
    require.extensions['.ts'] = (m, filename) =>
      m._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), { filename }).code, filename);
    require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData: request, resourceLimits });
}

/**
 * The rows of a roster file, parsed where a hostile file cannot hurt the process (issue 12
 * item 5): the zip's directory is checked first, then a worker thread with a heap cap and a time
 * limit reads the file. Whatever goes wrong with the file ends as a RosterFileError.
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
  };
  const worker = startWorker(request, limits.heapMb);
  const reply = await new Promise<RosterParseReply>((resolve) => {
    let settled = false;
    const settle = (r: RosterParseReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      settle({ ok: false, fileError: true, message: '读取文件超时，不像是花名册；请检查文件或拆分后导入' });
      void worker.terminate();
    }, limits.timeoutMs);
    worker.once('message', (r: RosterParseReply) => settle(r));
    worker.once('error', (e: Error & { code?: string }) =>
      settle(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' || e instanceof RangeError
          ? { ok: false, fileError: true, message: TOO_BIG }
          : { ok: false, fileError: false, message: e.message },
      ),
    );
    worker.once('exit', (code) =>
      settle({ ok: false, fileError: true, message: `${TOO_BIG}（读取进程退出 ${code}）` }),
    );
  });
  void worker.terminate();
  if (reply.ok) return reply.rows;
  if (reply.fileError) throw new RosterFileError(reply.message);
  throw new Error(reply.message);
}
