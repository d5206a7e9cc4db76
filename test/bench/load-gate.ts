import { cpus, loadavg } from 'node:os';
import { round } from './bench-support';

/*
 * Issue 18 item 1: a figure measured while the machine was busy with other work says nothing
 * about Leye. Each row records the 1-minute load average when it started; above half the cores
 * (plus 0.5) its status is NOISY instead of PASS or MISS, whatever the value.
 */

export interface LoadMark {
  /** 1-minute load average when the row started. */
  load1: number;
  cores: number;
  noisy: boolean;
}

export function noisyAbove(cores = cpus().length): number {
  return 0.5 * cores + 0.5;
}

export function markLoad(): LoadMark {
  const cores = cpus().length;
  const load1 = round(loadavg()[0], 2);
  return { load1, cores, noisy: load1 > noisyAbove(cores) };
}

/**
 * The load mark of a row that first waits (up to `maxWaitMs`) for the 1-minute load average to
 * fall under the NOISY line. The load average is the machine's, the benchmark's own previous row
 * included: without the wait, a row after a busy one (the re-rank, another HTTP load) is NOISY
 * because of the benchmark itself. A row still over the line after the wait is marked NOISY as
 * before: then the load is someone else's.
 */
export async function settledLoad(maxWaitMs = settleMs()): Promise<LoadMark> {
  const until = Date.now() + maxWaitMs;
  let mark = markLoad();
  while (mark.noisy && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 2000));
    mark = markLoad();
  }
  return mark;
}

/** BENCH_SETTLE_SECONDS (default 90): how long a row waits for the load to settle. */
function settleMs(): number {
  const s = Number(process.env.BENCH_SETTLE_SECONDS ?? 90);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 90_000;
}

export type Status = 'PASS' | 'MISS' | 'NOISY' | '—';

export function statusOf(pass: boolean | null, mark: LoadMark | undefined): Status {
  if (pass === null) return '—';
  if (mark?.noisy) return 'NOISY';
  return pass ? 'PASS' : 'MISS';
}
