import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_FIELDS, ROSTER_HINTS } from './roster-columns';

/** The .xlsx officers fill in: Chinese headers, one note per column, text-formatted ID and phone. */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Leye 乐业';
  const ws = wb.addWorksheet('花名册');
  ws.columns = ROSTER_FIELDS.map((f) => ({
    header: ROSTER_COLUMNS[f],
    key: f,
    width: f === 'skills' ? 28 : f === 'nationalId' ? 22 : 14,
    // IDs, phones and codes are text: an 18-digit number loses its last digits in a spreadsheet.
    style: ['nationalId', 'phone', 'originRegionCode', 'householdKey'].includes(f) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ROSTER_FIELDS.forEach((f, i) => {
    ws.getRow(1).getCell(i + 1).note = ROSTER_HINTS[f];
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 16 },
    { header: '填写说明', key: 'hint', width: 70 },
  ];
  for (const f of ROSTER_FIELDS) help.addRow({ col: ROSTER_COLUMNS[f], hint: ROSTER_HINTS[f] });
  help.addRow({ col: '公式', hint: '不接受公式，请粘贴为数值' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
