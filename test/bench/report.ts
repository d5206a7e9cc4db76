import type { BenchReport } from './run';

export interface BenchFigure {
  name: string;
  value: string;
  detail: string;
  target: string;
  /** null: a reference figure without a target. */
  pass: boolean | null;
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
    `County database \`leye_bench_county\`: ${r.county.residents} residents (${r.county.seekers} seeking work), ` +
      `${r.county.postings} open postings, ${r.county.sites} sites, seed ${r.county.seed}. ` +
      `Search database \`leye_bench_search\`: ${r.search.postings} open postings, ${r.search.sites} sites, seed ${r.search.seed}.`,
    '',
    '| figure | result | target | status | notes |',
    '| --- | --- | --- | --- | --- |',
    ...r.figures.map(
      (f) =>
        `| ${cell(f.name)} | ${cell(f.value)} | ${cell(f.target)} | ${f.pass === null ? '—' : f.pass ? 'PASS' : '**MISS**'} | ${cell(f.detail)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
