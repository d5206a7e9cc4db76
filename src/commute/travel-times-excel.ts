import { Injectable, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../access/auth-user';
import { formatDateTime } from '../kernel/clock';
import { InvalidInputError } from '../kernel/domain-errors';
import { ValidationFailedException, type FieldError } from '../platform/http/validation';
import { RosterFileError } from '../imports/roster-reader';
import { inspectZip } from '../imports/zip-inspection';
import { repackXlsx } from '../imports/zip-repack';
import { XLSX_MIME, attachment } from '../reports/xlsx-stream';
import { commuteWord } from '../i18n/commute-vocabulary';
import type { TravelTimeFields } from './commute.repository';
import { checkTravelTime, type RawTravelTime } from './travel-time-fields';
import { TravelTimesService } from './travel-times.service';
import { RECORDED_SOURCES, TRAVEL_MODES } from './travel-trip';

/*
 * A site's travel-times table as Excel, and back. Officers edit the downloaded sheet in Excel or WPS
 * and upload it: the upload replaces the whole table, or — when any row is wrong — changes nothing and
 * names every bad row and column. The file is checked like a roster (src/imports): the zip directory
 * before anything is inflated, then each part inflated under a byte cap (zip-repack.ts). A table has a
 * few dozen rows, so the caps here are far below the roster's and exceljs reads the capped copy in
 * this process (no child: 2 MiB of XML cannot exhaust the heap).
 */

export const TRAVEL_IMPORT_LIMITS = { maxUncompressedBytes: 2 * 1024 * 1024, maxEntries: 64 };
export const TRAVEL_IMPORT_MAX_ROWS = 500;

type Col = {
  key: keyof TravelTimeFields | 'destinationName' | 'recordedByName' | 'recordedAt';
  header: string;
  width: number;
};
/** Headers are the sheet's contract: import finds columns by these names, whatever their order. */
const COLUMNS: Col[] = [
  { key: 'destinationRegionCode', header: '目的地地区代码', width: 16 },
  { key: 'destinationName', header: '目的地名称（导入时不读）', width: 14 },
  { key: 'placeName', header: '地点名称', width: 18 },
  { key: 'latitude', header: '纬度', width: 10 },
  { key: 'longitude', header: '经度', width: 10 },
  { key: 'mode', header: '方式', width: 8 },
  { key: 'minutes', header: '单程分钟', width: 10 },
  { key: 'fare', header: '票价（元）', width: 10 },
  { key: 'firstDeparture', header: '首班出发', width: 10 },
  { key: 'lastReturn', header: '末班返回', width: 10 },
  { key: 'days', header: '运行日', width: 12 },
  { key: 'source', header: '来源', width: 8 },
  { key: 'employerId', header: '企业编号（企业班车）', width: 38 },
  { key: 'note', header: '备注', width: 20 },
  { key: 'recordedByName', header: '记录人（导入时不读）', width: 14 },
  { key: 'recordedAt', header: '记录时间（导入时不读）', width: 18 },
];
const HEADER_OF = new Map(COLUMNS.map((c) => [c.key as string, c.header]));

// Officers type the words they read: 公交 / 实测 are taken as well as bus / measured.
const MODE_BY_WORD = new Map<string, string>(
  TRAVEL_MODES.flatMap((m) => [
    [m, m],
    [commuteWord(`commute.mode.${m}`), m],
  ]),
);
const SOURCE_BY_WORD = new Map<string, string>(
  RECORDED_SOURCES.flatMap((s) => [
    [s, s],
    [commuteWord(`commute.source.${s}`), s],
  ]),
);

function daysText(days: number[] | null): string {
  if (!days) return '';
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  return contiguous && days.length > 2 ? `${days[0]}-${days[days.length - 1]}` : days.join(',');
}

/** exceljs cell values → what checkTravelTime reads (text or numbers); formulas are refused. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    // A time typed into Excel is a date on 1899-12-30 in UTC.
    return v.getUTCFullYear() <= 1900
      ? `${String(v.getUTCHours()).padStart(2, '0')}:${String(v.getUTCMinutes()).padStart(2, '0')}`
      : 'bad';
  }
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { formula: true };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return { error: true };
    return null;
  }
  return v;
}

@Injectable()
export class TravelTimesExcel {
  constructor(private readonly service: TravelTimesService) {}

  async export(actor: AuthUser, siteId: string): Promise<StreamableFile> {
    await this.service.managedSite(actor, siteId);
    const rows = await this.service.list(actor, siteId);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Leye 乐业';
    const ws = wb.addWorksheet('通勤时间', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow({
        ...r,
        mode: commuteWord(`commute.mode.${r.mode}`),
        source: commuteWord(`commute.source.${r.source}`),
        days: daysText(r.days),
        recordedAt: formatDateTime(new Date(r.recordedAt)),
      });
    }
    // Times and codes stay text: Excel must not turn 07:30 into a fraction or drop a code's zeros.
    for (const key of ['destinationRegionCode', 'firstDeparture', 'lastReturn', 'days', 'employerId']) {
      ws.getColumn(key).numFmt = '@';
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return new StreamableFile(buffer, {
      type: XLSX_MIME,
      disposition: attachment('travel-times.xlsx', '通勤时间表.xlsx'),
    });
  }

  /** All or nothing: every row checked first; any error → 400 listing `rows[n].field` for each. */
  async import(actor: AuthUser, siteId: string, content: Buffer | undefined): Promise<{ imported: number }> {
    await this.service.managedSite(actor, siteId);
    if (!content || content.length === 0)
      throw new InvalidInputError('file', 'send an .xlsx file in the field "file"');
    const rows = await this.readSheet(content);
    const errors: FieldError[] = [];
    const fields: TravelTimeFields[] = [];
    const rowNos: number[] = [];
    for (const { row, raw } of rows) {
      const bad = Object.entries(raw).find(
        ([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v),
      );
      if (bad) {
        errors.push({
          field: `rows[${row}].${bad[0]}`,
          message: `row ${row}, ${HEADER_OF.get(bad[0])}: formulas and error cells are not read`,
        });
        continue;
      }
      const checked = checkTravelTime(raw);
      if (checked.ok) {
        fields.push(checked.fields);
        rowNos.push(row);
      } else {
        for (const e of checked.errors) {
          errors.push({
            field: `rows[${row}].${e.field}`,
            message: `row ${row}, ${HEADER_OF.get(e.field) ?? e.field}: ${e.message}`,
          });
        }
      }
    }
    if (errors.length) throw new ValidationFailedException(errors.slice(0, 100));
    await this.service.requireEmployers(fields, (i) => `rows[${rowNos[i]}].employerId`);
    await this.service.transaction((m) => this.service.replace(actor, siteId, fields, m));
    return { imported: fields.length };
  }

  private async readSheet(content: Buffer): Promise<{ row: number; raw: RawTravelTime }[]> {
    let wb: ExcelJS.Workbook;
    try {
      inspectZip(content, TRAVEL_IMPORT_LIMITS);
      const safe = repackXlsx(content, TRAVEL_IMPORT_LIMITS);
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(safe as unknown as ArrayBuffer);
    } catch (e) {
      if (e instanceof RosterFileError) throw new InvalidInputError('file', e.message);
      throw new InvalidInputError(
        'file',
        'is not a readable .xlsx file (save it again as .xlsx in Excel or WPS)',
      );
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new InvalidInputError('file', 'has no worksheet');
    const byHeader = new Map(COLUMNS.map((c) => [c.header, c.key]));
    const columns = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      const v = cellValue(cell.value);
      const key = typeof v === 'string' ? byHeader.get(v.trim()) : undefined;
      if (key && key !== 'destinationName' && key !== 'recordedByName' && key !== 'recordedAt')
        columns.set(col, key);
    });
    for (const need of ['mode', 'minutes', 'source'] as const) {
      if (![...columns.values()].includes(need)) {
        throw new InvalidInputError(
          'file',
          `row 1 has no column ${HEADER_OF.get(need)} (use the downloaded sheet)`,
        );
      }
    }
    const out: { row: number; raw: RawTravelTime }[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const raw: Record<string, unknown> = {};
      let blank = true;
      for (const [col, key] of columns) {
        let v = cellValue(ws.getRow(r).getCell(col).value);
        if (typeof v === 'string') v = v.trim();
        if (v !== null && v !== '') blank = false;
        if (key === 'mode' && typeof v === 'string') v = MODE_BY_WORD.get(v) ?? v;
        if (key === 'source' && typeof v === 'string') v = SOURCE_BY_WORD.get(v) ?? v;
        raw[key] = v;
      }
      if (blank) continue;
      if (out.length >= TRAVEL_IMPORT_MAX_ROWS) {
        throw new InvalidInputError('file', `has more than ${TRAVEL_IMPORT_MAX_ROWS} rows`);
      }
      out.push({ row: r, raw });
    }
    return out;
  }
}
