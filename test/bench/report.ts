import { noisyAbove, statusOf, type LoadMark } from './load-gate';
import type { BenchReport } from './run';

export interface BenchFigure {
  name: string;
  value: string;
  detail: string;
  target: string;
  /** null: a reference figure without a target. */
  pass: boolean | null;
  /** The machine's load when the row started: a busy machine makes the row NOISY, not PASS/MISS. */
  mark?: LoadMark;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The Markdown report (test/bench/results/<date>.md and latest.md). */
export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const lines = [
    `# County benchmark — ${r.date.slice(0, 10)}`,
    '',
    `Measured ${r.date} by \`npm run bench\` in ${r.totalSeconds} s` +
      (r.county.generatedMs !== null || r.search.generatedMs !== null
        ? ' (generation included)'
        : ' (databases reused)') +
      '.',
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}; load average ${m.loadAverage ?? '?'} at the start.`,
    '',
    `County database \`${r.databases?.county ?? 'leye_bench_county'}\`: ${r.county.residents} residents (${r.county.seekers} seeking work), ` +
      `${r.county.postings} open postings, ${r.county.sites} sites, seed ${r.county.seed}. ` +
      `Search database \`${r.databases?.search ?? 'leye_bench_search'}\`: ${r.search.postings} open postings, ${r.search.sites} sites, seed ${r.search.seed}.`,
    '',
    `A row started at a 1-minute load average above ${noisyAbove(m.cpus)} (half the cores plus 0.5) is NOISY: its figure is printed, not judged. Each row first waits up to BENCH_SETTLE_SECONDS (90) for the load to fall under that line, so the benchmark's own previous row does not count against it.`,
    '',
    '| figure | result | target | status | load at start | notes |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.figures.map((f) => {
      const status = statusOf(f.pass, f.mark);
      return `| ${cell(f.name)} | ${cell(f.value)} | ${cell(f.target)} | ${status === 'MISS' ? '**MISS**' : status} | ${f.mark?.load1 ?? '?'} | ${cell(f.detail)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
