import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/*
 * Zip bombs for the import tests (issue 12 item 5), made in memory so no big file is committed:
 * an .xlsx whose only sheet holds one cell of `inflatedBytes` repeated letters. Deflate shrinks
 * that about 1000 times (a 200 MiB sheet is a 200 KiB file).
 */

interface Entry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>';
const SHEET_TAIL = '</t></is></c></row></sheetData></worksheet>';

const SMALL_PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      '<sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '</Relationships>',
  ],
];

function small(name: string, text: string): Entry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** `cell`: one cell of repeated letters; `cells`: one row of millions of one-letter cells. */
export type BombKind = 'cell' | 'cells';

const CELL = '<c t="inlineStr"><is><t>A</t></is></c>';

async function bombSheet(inflatedBytes: number, kind: BombKind): Promise<Entry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => deflate.once('end', r));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  const head = kind === 'cell' ? SHEET_HEAD : SHEET_HEAD.slice(0, SHEET_HEAD.indexOf('<c '));
  await write(Buffer.from(head));
  const unit = kind === 'cell' ? 'A' : CELL;
  const chunk = Buffer.from(unit.repeat(Math.floor((1024 * 1024) / unit.length)));
  for (let left = inflatedBytes; left > 0; left -= chunk.length) {
    await write(kind === 'cell' && left < chunk.length ? chunk.subarray(0, left) : chunk);
  }
  await write(Buffer.from(kind === 'cell' ? SHEET_TAIL : '</row></sheetData></worksheet>'));
  deflate.end();
  await done;
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(out), crc: crc >>> 0, size };
}

/**
 * `declare` sets the uncompressed sizes written in the headers: `honest` the real ones, `lying`
 * 1 KiB for the sheet (the directory check passes; only the bounded parse can stop it).
 */
export async function xlsxZipBomb(
  inflatedBytes: number,
  declare: 'honest' | 'lying' = 'honest',
  kind: BombKind = 'cell',
): Promise<Buffer> {
  const entries = [...SMALL_PARTS.map(([n, t]) => small(n, t)), await bombSheet(inflatedBytes, kind)];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = declare === 'lying' && e.size > 1024 * 1024 ? 1024 : e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
