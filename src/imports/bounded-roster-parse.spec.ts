import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xlsxZipBomb } from '../../test/support/zip-bomb';
import { parseRosterBounded, ROSTER_PARSE_LIMITS } from './bounded-roster-parse';
import { RosterFileError } from './roster-reader';
import { inspectZip } from './zip-inspection';

const ROSTER = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'roster-libreoffice.xlsx'));
const MIB = 1024 * 1024;

// Inflating and deflating hundreds of MiB takes seconds on a busy machine.
jest.setTimeout(120_000);

describe('roster zip bombs (issue 12 item 5)', () => {
  it('the directory check refuses a sheet that inflates to 64 MiB, naming the cap', async () => {
    const bomb = await xlsxZipBomb(64 * MIB);
    expect(bomb.length).toBeLessThan(MIB);
    expect(() => inspectZip(bomb, ROSTER_PARSE_LIMITS)).toThrow(RosterFileError);
    expect(() => inspectZip(bomb, ROSTER_PARSE_LIMITS)).toThrow(/解压后超过 50 MiB/);
  });

  it('the directory check passes a real roster and refuses a zip of too many entries', () => {
    const ok = inspectZip(ROSTER, ROSTER_PARSE_LIMITS);
    expect(ok.uncompressedBytes).toBeLessThan(MIB);
    expect(() => inspectZip(ROSTER, { ...ROSTER_PARSE_LIMITS, maxEntries: 2 })).toThrow(/文件过多/);
    expect(() => inspectZip(Buffer.from('PK\x03\x04 not a zip'), ROSTER_PARSE_LIMITS)).toThrow(/无效|损坏/);
  });

  it('reads a real roster in the parse process', async () => {
    const rows = await parseRosterBounded('xlsx', ROSTER);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].cells.name).toMatchObject({ kind: 'text' });
  });

  it('a directory that lies is caught by the capped inflation: a file error', async () => {
    const bomb = await xlsxZipBomb(256 * MIB, 'lying');
    expect(inspectZip(bomb, ROSTER_PARSE_LIMITS).uncompressedBytes).toBeLessThan(MIB);
    const err = (await parseRosterBounded('xlsx', bomb).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(RosterFileError);
    expect(err.message).toMatch(/解压后超过 50 MiB/);
  });

  it('the parse process heap cap is the last bound: a bomb within a larger inflation cap fails the parse, this process lives', async () => {
    // Millions of cells in one row: objects on the heap, not one long string.
    const bomb = await xlsxZipBomb(256 * MIB, 'lying', 'cells');
    const err = (await parseRosterBounded('xlsx', bomb, {
      ...ROSTER_PARSE_LIMITS,
      maxUncompressedBytes: 512 * MIB,
      heapMb: 64,
    }).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(RosterFileError);
    expect(err.message).toMatch(/内存上限/);
    // Still alive and able to parse the next file.
    expect((await parseRosterBounded('xlsx', ROSTER)).length).toBeGreaterThan(0);
  });
});
