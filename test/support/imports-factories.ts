import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';
import type { Session } from './factories';

type Http = ReturnType<typeof request>;

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export interface ImportState {
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  failed: number;
  created: number;
  updated: number;
  unchanged: number;
  progress: number;
  errors: { row: number; field: string; message: string }[];
  message: string | null;
}

/** POST /imports/roster; returns the raw response. */
export function uploadRoster(
  http: Http,
  who: Session,
  siteId: string | null,
  file: Buffer,
  fileName: string,
) {
  const req = http.post('/api/v1/imports/roster').set(who.auth);
  if (siteId !== null) void req.field('siteId', siteId);
  return req.attach('file', file, { filename: fileName });
}

/** Polls GET /imports/:id until the import is done or failed (at most `timeoutMs`). */
export async function waitForImport(
  http: Http,
  who: Session,
  id: string,
  timeoutMs = 60_000,
): Promise<ImportState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get(`/api/v1/imports/${id}`).set(who.auth);
    if (res.status !== 200) throw new Error(`GET /imports/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const s = res.body as ImportState;
    if (s.status === 'done' || s.status === 'failed') return s;
    if (Date.now() > until) throw new Error(`import ${id} still ${s.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Upload then wait. */
export async function importRoster(
  http: Http,
  who: Session,
  siteId: string,
  file: Buffer,
  fileName: string,
): Promise<ImportState & { id: string }> {
  const res = await uploadRoster(http, who, siteId, file, fileName);
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, ...(await waitForImport(http, who, res.body.id)) };
}

/** Supertest parser that keeps a binary body (xlsx downloads) as a Buffer. */
export function binaryParser(
  res: NodeJS.ReadableStream,
  cb: (err: Error | null, body: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** Reads an .xlsx buffer back with exceljs. */
export async function readXlsx(body: unknown): Promise<import('exceljs').Workbook> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}
