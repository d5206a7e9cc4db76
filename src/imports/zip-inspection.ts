import { RosterFileError } from './roster-reader';

/*
 * Reads the central directory of a zip (PKWARE APPNOTE 4.3.12, 4.3.16) without inflating
 * anything, to refuse a zip bomb before any parser sees it. A directory that lies is caught
 * later by the capped inflation in the parse process (zip-repack.ts); this check turns the common
 * case into a clear message in a millisecond.
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

/** One entry as the central directory describes it. */
export interface ZipEntryRef {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function tooBig(limit: number, atLeast: number): RosterFileError {
  return new RosterFileError(
    `文件解压后超过 ${mib(limit)}（至少 ${mib(atLeast)}），不像是花名册；请检查文件或拆分后导入`,
  );
}

const ZIP64 = () => new RosterFileError('文件过大（ZIP64 格式），不像是花名册；请拆分后导入');

/** The entries of the central directory; throws a RosterFileError naming the cap when they exceed it. */
export function readCentralDirectory(zip: Buffer, limits: ZipLimits): ZipEntryRef[] {
  if (zip.length < EOCD_MIN) throw broken();
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 markers: no spreadsheet a person fills in needs more than 65535 entries or 4 GiB.
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw ZIP64();
  if (count > limits.maxEntries) {
    throw new RosterFileError(`压缩包内文件过多（${count} 个，上限 ${limits.maxEntries}），不像是花名册`);
  }
  if (directoryOffset + directorySize > end) throw broken();
  const entries: ZipEntryRef[] = [];
  let total = 0;
  let p = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (p + CENTRAL_MIN > end || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw broken();
    const nameLength = zip.readUInt16LE(p + 28);
    const entry: ZipEntryRef = {
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      uncompressedSize: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + CENTRAL_MIN, p + CENTRAL_MIN + nameLength),
    };
    if ([entry.compressedSize, entry.uncompressedSize, entry.localOffset].includes(0xffffffff)) throw ZIP64();
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw tooBig(limits.maxUncompressedBytes, total);
    entries.push(entry);
    p += CENTRAL_MIN + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

/** Throws a RosterFileError naming the cap when the zip declares more than the limits. */
export function inspectZip(zip: Buffer, limits: ZipLimits): ZipSummary {
  const entries = readCentralDirectory(zip, limits);
  return { entries: entries.length, uncompressedBytes: entries.reduce((n, e) => n + e.uncompressedSize, 0) };
}

export { tooBig as uncompressedTooBig, broken as brokenZip };
