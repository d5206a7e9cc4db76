import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
}

export type RowSink = (row: Record<string, unknown>) => void;

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}

/**
 * An .xlsx streamed to the response as it is written (exceljs WorkbookWriter): rows are committed
 * one by one, so an export of many rows never sits whole in memory. `fill` adds the rows; a
 * failure half-way ends the download with an error instead of a truncated file that looks whole.
 */
export function streamXlsx(
  sheetName: string,
  columns: XlsxColumn[],
  fileNames: { ascii: string; utf8: string },
  fill: (add: RowSink) => Promise<void>,
): StreamableFile {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Leye 乐业';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    await fill((row) => ws.addRow(row).commit());
    ws.commit();
    await wb.commit();
  })().catch((e: Error) => out.destroy(e));
  return new StreamableFile(out, {
    type: XLSX_MIME,
    disposition: attachment(fileNames.ascii, fileNames.utf8),
  });
}
