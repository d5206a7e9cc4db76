import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Measured recovery times, for test/fault/README.md (written to test-output/fault-timings.json). */
export const TIMINGS_FILE = join(__dirname, '..', '..', 'test-output', 'fault-timings.json');

export function recordTiming(fault: string, figures: Record<string, number>): void {
  mkdirSync(dirname(TIMINGS_FILE), { recursive: true });
  const all = existsSync(TIMINGS_FILE)
    ? (JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
  all[fault] = { ...figures, at: new Date().toISOString() };
  writeFileSync(TIMINGS_FILE, JSON.stringify(all, null, 2));
  console.log(`[fault] ${fault}: ${JSON.stringify(figures)}`);
}
