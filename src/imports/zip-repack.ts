import { crc32, inflateRawSync } from 'node:zlib';
import { RosterFileError } from './roster-reader';
import { brokenZip, readCentralDirectory, uncompressedTooBig, type ZipLimits } from './zip-inspection';

/*
 * The workbook exceljs's streaming reader gets, rebuilt from the upload (issue 12 item 5). The
 * reader inflates the local entries one after the other, trusting neither directory nor sizes,
 * and parks a worksheet that comes before the shared strings in a temporary file, so a bomb could
 * fill the disk as well as the heap. Here each entry the central directory names is inflated
 * with a hard cap on the bytes it may produce (whatever its headers claim), and only the parts a
 * roster needs are written again, uncompressed, in the order the reader wants them (relations,
 * workbook, shared strings, styles, then the worksheets in their original order).
 */

const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const LEADING = [
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

function entryData(zip: Buffer, offset: number, compressedSize: number): Buffer {
  if (offset + 30 > zip.length || zip.readUInt32LE(offset) !== LOCAL_SIGNATURE) throw brokenZip();
  const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
  if (start + compressedSize > zip.length) throw brokenZip();
  return zip.subarray(start, start + compressedSize);
}

function storedZip(parts: [string, Buffer][]): Buffer {
  const out: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(10, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    out.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}

/** The roster parts of `zip`, inflated under `limits.maxUncompressedBytes` in all, as a stored zip. */
export function repackXlsx(zip: Buffer, limits: ZipLimits): Buffer {
  const entries = readCentralDirectory(zip, limits).filter(
    (e) => LEADING.includes(e.name) || WORKSHEET.test(e.name),
  );
  let left = limits.maxUncompressedBytes;
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.flags & 0x1) throw new RosterFileError('文件已加密，请先在 Excel 或 WPS 中取消密码后另存为 .xlsx');
    const raw = entryData(zip, e.localOffset, e.compressedSize);
    let data: Buffer;
    if (e.method === STORED) {
      data = raw;
    } else if (e.method === DEFLATED) {
      try {
        // One byte more than the budget: reaching it proves the entry is too big, whatever it claims.
        data = inflateRawSync(raw, { maxOutputLength: left + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw uncompressedTooBig(limits.maxUncompressedBytes, limits.maxUncompressedBytes + 1);
        }
        throw new RosterFileError(
          '不是有效的 .xlsx 文件（压缩数据损坏，请用 Excel 或 WPS 重新另存为 .xlsx）',
        );
      }
    } else {
      throw new RosterFileError('不是有效的 .xlsx 文件（不支持的压缩方式，请用 Excel 或 WPS 另存为 .xlsx）');
    }
    left -= data.length;
    if (left < 0) throw uncompressedTooBig(limits.maxUncompressedBytes, limits.maxUncompressedBytes - left);
    if (!parts.has(e.name)) parts.set(e.name, data);
  }
  if (!parts.has('xl/workbook.xml') || !parts.has('xl/_rels/workbook.xml.rels')) {
    throw new RosterFileError('不是有效的 .xlsx 文件（缺少工作簿，请用 Excel 或 WPS 另存为 .xlsx）');
  }
  // Without shared strings the reader would park the worksheet in a temporary file.
  if (!parts.has('xl/sharedStrings.xml'))
    parts.set('xl/sharedStrings.xml', Buffer.from(EMPTY_SHARED_STRINGS));
  const ordered: [string, Buffer][] = [];
  for (const name of LEADING) if (parts.has(name)) ordered.push([name, parts.get(name)!]);
  for (const [name, data] of parts) if (WORKSHEET.test(name)) ordered.push([name, data]);
  return storedZip(ordered);
}
