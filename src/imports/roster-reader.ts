import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { CsvFormatError, decodeCsv, parseCsv } from './csv';
import { REQUIRED_COLUMNS, ROSTER_COLUMNS, ROSTER_FIELDS, type RosterField } from './roster-columns';

/** A cell as the validator sees it, whatever program wrote the file. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'bool'; value: boolean }
  /** Formulas are refused (see README of the roster import in roster-row.ts). */
  | { kind: 'formula' }
  | { kind: 'error'; value: string };

export interface RawRow {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: Partial<Record<RosterField, Cell>>;
}

/** The whole file is unusable: the import fails with this message. */
export class RosterFileError extends Error {}

/** Longest text kept from a cell; longer text is cut (no roster field is anywhere near this). */
const MAX_CELL_CHARS = 500;

const EMPTY: Cell = { kind: 'empty' };

function text(value: string): Cell {
  const v = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  return v.trim() === '' ? EMPTY : { kind: 'text', value: v };
}

/** exceljs cell values: primitives, Date, rich text, hyperlinks, formulas, errors. */
export function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : EMPTY;
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula' };
    if ('error' in v) return { kind: 'error', value: String(v.error) };
    if (Array.isArray(v.richText)) {
      return text(
        (v.richText as { text?: unknown }[]).map((p) => (typeof p.text === 'string' ? p.text : '')).join(''),
      );
    }
    if ('text' in v) return excelCell(v.text);
  }
  return { kind: 'error', value: '无法识别的单元格' };
}

/** Maps header cells to roster fields; unknown headers are ignored, missing required ones fail the file. */
function headerMap(headers: string[]): Map<number, RosterField> {
  const byHeader = new Map<string, RosterField>(ROSTER_FIELDS.map((f) => [ROSTER_COLUMNS[f], f]));
  const out = new Map<number, RosterField>();
  headers.forEach((h, i) => {
    const f = byHeader.get(h.trim());
    if (f && ![...out.values()].includes(f)) out.set(i, f);
  });
  const missing = REQUIRED_COLUMNS.filter((f) => ![...out.values()].includes(f));
  if (missing.length) {
    throw new RosterFileError(
      `第 1 行缺少列：${missing.map((f) => ROSTER_COLUMNS[f]).join('、')}（请使用导入模板）`,
    );
  }
  return out;
}

function tooMany(maxRows: number): RosterFileError {
  return new RosterFileError(`文件超过 ${maxRows} 行数据，请拆分成多个文件导入`);
}

/**
 * The data rows of a roster file, in order, blank rows skipped. Reads .xlsx with exceljs's
 * streaming reader (first worksheet only) and CSV with parseCsv; stops with a RosterFileError as
 * soon as the file holds more than `maxRows` data rows, so a huge sheet is never read whole.
 */
export async function* readRoster(
  format: 'xlsx' | 'csv',
  content: Buffer,
  maxRows: number,
): AsyncGenerator<RawRow> {
  if (format === 'csv') {
    yield* readCsv(content, maxRows);
    return;
  }
  yield* readXlsx(content, maxRows);
}

function* readCsv(content: Buffer, maxRows: number): Generator<RawRow> {
  let columns: Map<number, RosterField> | null = null;
  let rowNo = 0;
  let count = 0;
  try {
    for (const record of parseCsv(decodeCsv(content))) {
      rowNo++;
      if (!columns) {
        columns = headerMap(record);
        continue;
      }
      const cells: RawRow['cells'] = {};
      let blank = true;
      for (const [i, f] of columns) {
        // A CSV field starting with = is a formula to any spreadsheet that opens the file
        // (CSV injection): refused like an .xlsx formula.
        const raw = record[i] ?? '';
        const c: Cell = raw.trimStart().startsWith('=') ? { kind: 'formula' } : text(raw);
        if (c.kind !== 'empty') blank = false;
        cells[f] = c;
      }
      if (blank) continue;
      if (++count > maxRows) throw tooMany(maxRows);
      yield { row: rowNo, cells };
    }
  } catch (e) {
    if (e instanceof CsvFormatError) throw new RosterFileError(`CSV 格式错误：${e.message}`);
    throw e;
  }
  if (!columns) throw new RosterFileError('文件是空的');
}

async function* readXlsx(content: Buffer, maxRows: number): AsyncGenerator<RawRow> {
  if (content.length < 4 || content.readUInt32LE(0) !== 0x04034b50) {
    throw new RosterFileError('不是有效的 .xlsx 文件（请用 Excel 或 WPS 另存为 .xlsx）');
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles are needed to tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let columns: Map<number, RosterField> | null = null;
  let count = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        if (!columns) {
          columns = headerMap(
            values.map((v) => {
              const c = excelCell(v);
              return c.kind === 'text' ? c.value : '';
            }),
          );
          continue;
        }
        const cells: RawRow['cells'] = {};
        let blank = true;
        for (const [i, f] of columns) {
          const c = excelCell(values[i]);
          if (c.kind !== 'empty') blank = false;
          cells[f] = c;
        }
        if (blank) continue;
        if (++count > maxRows) throw tooMany(maxRows);
        yield { row: row.number, cells };
      }
      break; // the first worksheet is the roster
    }
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    throw new RosterFileError(`无法读取 .xlsx 文件：${(e as Error).message}`.slice(0, 300));
  }
  if (!columns) throw new RosterFileError('文件是空的');
}
