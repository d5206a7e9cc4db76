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

export type Status = 'PASS' | 'MISS' | 'NOISY' | '—';

export function statusOf(pass: boolean | null, mark: LoadMark | undefined): Status {
  if (pass === null) return '—';
  if (mark?.noisy) return 'NOISY';
  return pass ? 'PASS' : 'MISS';
}
