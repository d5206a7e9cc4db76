/**
 * Charts as inline SVG rendered on the server (no chart library, no script: the page's CSP
 * allows no inline script, and inline <svg> needs none). Every bar and point is a link to the
 * list behind it, with an accessible name that says the number in words; the same numbers are
 * repeated as links in a table under the chart for screen readers and for copying.
 */

export interface ChartDatum {
  /** The label in the table and beside the bar (a site name, 「2026年11月」). */
  label: string;
  /**
   * The axis text under a column or point when `label` is too wide for 12 of them on a phone:
   * one or two stacked lines (「11月」, then the year under the first month and each January).
   */
  axis?: string[];
  value: number;
  /** What is written on the bar ("62%", "5"). */
  text: string;
  /** The accessible name of the link: label and number in a sentence. */
  name: string;
  href: string;
}

const INK = '#1a1a1a';
const BAR = '#0b5cad';
const GRID = '#c9c6bd';

/** The link's name starts with the number it shows (WCAG 2.5.3: the visible text is in the name). */
function linkName(d: ChartDatum): string {
  return `${d.text} · ${d.name}`;
}

/** The axis text of a column or point, lines stacked downwards from `y`. */
function AxisText({ d, x, y }: { d: ChartDatum; x: number; y: number }) {
  const lines = d.axis ?? [d.label];
  return (
    <text x={x} y={y} text-anchor="middle" font-size="10" fill={INK} aria-hidden="true">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : 12}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function scale(max: number): number {
  return max > 0 ? max : 1;
}

/** Vertical bars, e.g. placements per month (12 bars fit a 360 px screen). */
export function ColumnChart({ data, title }: { data: ChartDatum[]; title: string }) {
  const w = 340;
  const h = 180;
  const top = 18;
  const bottom = 34;
  const plot = h - top - bottom;
  const slot = w / Math.max(data.length, 1);
  const barW = Math.max(6, slot * 0.62);
  const max = scale(Math.max(...data.map((d) => d.value), 0));
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} aria-label={title} role="group">
      <line x1="0" x2={w} y1={top + plot} y2={top + plot} stroke={GRID} stroke-width="1" />
      {data.map((d, i) => {
        const bh = Math.round((d.value / max) * plot);
        const x = i * slot + (slot - barW) / 2;
        const y = top + plot - bh;
        return (
          <g key={d.label + i}>
            <a href={d.href} aria-label={linkName(d)} class="chart-link">
              <rect x={x} y={top} width={barW} height={plot} fill="transparent" />
              <rect x={x} y={y} width={barW} height={Math.max(bh, d.value > 0 ? 2 : 0)} fill={BAR} />
              <text x={x + barW / 2} y={y - 4} text-anchor="middle" font-size="11" fill={INK}>
                {d.text}
              </text>
            </a>
            <AxisText d={d} x={x + barW / 2} y={h - 18} />
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars with the label above each bar, e.g. employment rate per site. */
export function BarChart({ data, title, max }: { data: ChartDatum[]; title: string; max?: number }) {
  const w = 340;
  const row = 40;
  const h = Math.max(row * data.length, row);
  const top = max ?? scale(Math.max(...data.map((d) => d.value), 0));
  const barMax = w - 95;
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} aria-label={title} role="group">
      {data.map((d, i) => {
        const y = i * row;
        const bw = Math.round((Math.min(d.value, top) / scale(top)) * barMax);
        return (
          <g key={d.label + i}>
            <text x="0" y={y + 14} font-size="12" fill={INK} aria-hidden="true">
              {d.label.length > 24 ? `${d.label.slice(0, 23)}…` : d.label}
            </text>
            <a href={d.href} aria-label={linkName(d)} class="chart-link">
              <rect x="0" y={y + 18} width={w} height={row - 18} fill="transparent" />
              <rect x="0" y={y + 20} width={barMax} height="14" fill={GRID} opacity="0.35" />
              <rect x="0" y={y + 20} width={Math.max(bw, d.value > 0 ? 2 : 0)} height="14" fill={BAR} />
              <text x={barMax + 6} y={y + 32} font-size="12" fill={INK}>
                {d.text}
              </text>
            </a>
          </g>
        );
      })}
    </svg>
  );
}

/** A line with a linked point per month, e.g. zero-employment households at each month end. */
export function LineChart({ data, title }: { data: ChartDatum[]; title: string }) {
  const w = 340;
  const h = 180;
  const top = 20;
  const bottom = 34;
  const left = 16;
  const plot = h - top - bottom;
  const step = (w - 2 * left) / Math.max(data.length - 1, 1);
  const max = scale(Math.max(...data.map((d) => d.value), 0));
  const pts = data.map((d, i) => ({
    d,
    x: Math.round(left + i * step),
    y: Math.round(top + plot - (d.value / max) * plot),
  }));
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} aria-label={title} role="group">
      <line x1="0" x2={w} y1={top + plot} y2={top + plot} stroke={GRID} stroke-width="1" />
      <polyline
        points={pts.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke={BAR}
        stroke-width="2"
      />
      {pts.map(({ d, x, y }, i) => (
        <g key={d.label + i}>
          <a href={d.href} aria-label={linkName(d)} class="chart-link">
            <circle cx={x} cy={y} r="9" fill="transparent" />
            <circle cx={x} cy={y} r="4" fill={BAR} />
            <text x={x} y={y - 8} text-anchor="middle" font-size="11" fill={INK}>
              {d.text}
            </text>
          </a>
          <AxisText d={d} x={x} y={h - 18} />
        </g>
      ))}
    </svg>
  );
}

/** The chart's numbers as a table of links (the list behind each number). */
export function ChartTable({
  data,
  labelHeader,
  valueHeader,
  caption,
}: {
  data: ChartDatum[];
  labelHeader: string;
  valueHeader: string;
  caption: string;
}) {
  return (
    <details class="chart-numbers">
      <summary>{caption}</summary>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.label + i}>
              <td>{d.label}</td>
              <td>
                <a href={d.href}>{d.text}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
