import { RosterFileError } from './roster-reader';

/*
 * Reads the central directory of a zip (PKWARE APPNOTE 4.3.12, 4.3.16) without inflating
 * anything, to refuse a zip bomb before any parser sees it. A directory that lies is caught later
 * by the bounded worker (bounded-roster-parse.ts); this check turns the common case into a clear
 * message in a millisecond.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const CENTRAL_MIN = 46;
/** The end record sits within the last 22 bytes + a comment of at most 65535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
}

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
}

const MIB = 1024 * 1024;
const mib = (n: number) => `${Math.ceil(n / MIB)} MiB`;

function broken(): RosterFileError {
  return new RosterFileError('不是有效的 .xlsx 文件（压缩包结构损坏，请用 Excel 或 WPS 重新另存为 .xlsx）');
}

function findEndRecord(zip: Buffer): number {
  const stop = Math.max(0, zip.length - EOCD_SEARCH);
  for (let i = zip.length - EOCD_MIN; i >= stop; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw broken();
}

/** Throws a RosterFileError naming the cap when the zip would inflate beyond the limits. */
export function inspectZip(zip: Buffer, limits: ZipLimits): ZipSummary {
  if (zip.length < EOCD_MIN) throw broken();
  const end = findEndRecord(zip);
  const entries = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 markers: no spreadsheet a person fills in needs more than 65535 entries or 4 GiB.
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new RosterFileError('文件过大（ZIP64 格式），不像是花名册；请拆分后导入');
  }
  if (entries > limits.maxEntries) {
    throw new RosterFileError(`压缩包内文件过多（${entries} 个，上限 ${limits.maxEntries}），不像是花名册`);
  }
  if (directoryOffset + directorySize > end) throw broken();
  let total = 0;
  let p = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (p + CENTRAL_MIN > end || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw broken();
    const compressed = zip.readUInt32LE(p + 20);
    const uncompressed = zip.readUInt32LE(p + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      throw new RosterFileError('文件过大（ZIP64 格式），不像是花名册；请拆分后导入');
    }
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) {
      throw new RosterFileError(
        `文件解压后超过 ${mib(limits.maxUncompressedBytes)}（至少 ${mib(total)}），不像是花名册；请检查文件或拆分后导入`,
      );
    }
    p += CENTRAL_MIN + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return { entries, uncompressedBytes: total };
}
