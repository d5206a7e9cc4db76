import { isRosterParseChild } from '../platform/config/child-process-env';
import { readRoster, RosterFileError, type RawRow } from './roster-reader';
import { repackXlsx } from './zip-repack';

/** What the job hands the parse process (bounded-roster-parse.ts). */
export interface RosterParseRequest {
  format: 'xlsx' | 'csv';
  content: Uint8Array;
  maxRows: number;
  maxTextChars: number;
  maxUncompressedBytes: number;
  maxEntries: number;
}

export type RosterParseReply =
  | { ok: true; rows: RawRow[] }
  /** `fileError`: the file is unusable (message for the officer); else an unexpected error. */
  | { ok: false; fileError: boolean; message: string };

/** Reads every row in this child process; all the rows travel back in one message. */
export async function parseInChild(req: RosterParseRequest): Promise<RosterParseReply> {
  const rows: RawRow[] = [];
  let chars = 0;
  try {
    const upload = Buffer.from(req.content.buffer, req.content.byteOffset, req.content.byteLength);
    // The reader sees only what repackXlsx inflated under the cap (zip-repack.ts).
    const content = req.format === 'xlsx' ? repackXlsx(upload, req) : upload;
    for await (const row of readRoster(req.format, content, req.maxRows)) {
      for (const c of Object.values(row.cells)) if (c?.kind === 'text') chars += c.value.length;
      // Rows are kept for the job's second pass: a sheet of long texts must not fill the api's heap.
      if (chars > req.maxTextChars) {
        throw new RosterFileError('文件中的文字内容过多，不像是花名册；请检查文件或拆分后导入');
      }
      rows.push(row);
    }
    return { ok: true, rows };
  } catch (e) {
    return { ok: false, fileError: e instanceof RosterFileError, message: (e as Error).message };
  }
}

// Run as the parse process: one request in, one reply out, then exit.
if (isRosterParseChild()) {
  process.once('message', (req: RosterParseRequest) => {
    void parseInChild(req).then((reply) => process.send!(reply, () => process.exit(0)));
  });
}
