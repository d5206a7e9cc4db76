import { Fragment, type ComponentChildren } from 'preact';
import type { DashboardDto } from '../../../reports/dto/dashboard.dto';
import type { SummaryDto } from '../../../reports/dto/summary.dto';
import { useWeb } from '../../render';
import { BarChart, ChartTable, ColumnChart, LineChart, type ChartDatum } from './charts';
import { OfficerPage, SitePicker, type SiteOption } from '../officer-layout';

export interface QueueCounts {
  zeroEmployment: number;
  matches: number;
  followUps: number;
  employers: number;
  unread: number;
}

export interface DashboardPageProps {
  sites: SiteOption[];
  siteId: string | null;
  summary: Omit<SummaryDto, 'siteId' | 'regionCode' | 'sites'> | null;
  dashboard: DashboardDto | null;
  queues: QueueCounts;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

/** 「2026年11月」 / 「2026-11」 for the table; the axis shows the month, and the year under the first and each January. */
function monthLabels(t: ReturnType<typeof useWeb>['t'], month: string, first: boolean) {
  const [year, mm] = month.split('-');
  return {
    label: t('officer.chart.monthLabel', { year, month: mm }),
    axis: first || mm === '01' ? [mm, year] : [mm],
  };
}

/** A figure of the summary; its indicator's definition is in the list under the figures. */
function Figure(props: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** `/officer`: the work queues first, then the site's figures and charts. */
export function DashboardPage({ sites, siteId, summary, dashboard, queues }: DashboardPageProps) {
  const { t, lang } = useWeb();
  const q = siteId ? `siteId=${siteId}` : '';
  const withSite = (path: string, more = '') => `${path}?${[q, more].filter(Boolean).join('&')}`;
  const tiles: { n: number; label: string; href: string }[] = [
    {
      n: queues.zeroEmployment,
      label: t('officer.queue.zeroEmployment'),
      href: withSite('/officer/households', 'zeroEmployment=true'),
    },
    { n: queues.matches, label: t('officer.queue.matches'), href: withSite('/officer/matches') },
    { n: queues.followUps, label: t('officer.queue.followUps'), href: withSite('/officer/follow-ups') },
    { n: queues.employers, label: t('officer.queue.employers'), href: '/officer/employers' },
    { n: queues.unread, label: t('officer.queue.unread'), href: '/officer/notifications' },
  ];

  let rate: ChartDatum[] = [];
  let perMonth: ChartDatum[] = [];
  let zero: ChartDatum[] = [];
  let gaps: ChartDatum[] = [];
  if (dashboard) {
    rate = dashboard.employmentRateBySite.map((s) => ({
      label: s.name,
      value: s.employmentRate,
      text: `${pct(s.employmentRate)} (${s.employed}/${s.laborForce})`,
      name: t('officer.chart.rateName', {
        site: s.name,
        rate: pct(s.employmentRate),
        employed: s.employed,
        total: s.laborForce,
      }),
      href: `/officer/residents?siteId=${s.siteId}`,
    }));
    perMonth = dashboard.placementsStartedByMonth.map((m, i) => ({
      ...monthLabels(t, m.month, i === 0),
      value: m.placements,
      text: String(m.placements),
      name: t('officer.chart.placementsName', { month: m.month, n: m.placements }),
      href: withSite('/officer/placements', `month=${m.month}`),
    }));
    zero = dashboard.zeroEmploymentHouseholdsByMonth.map((m, i) => ({
      ...monthLabels(t, m.month, i === 0),
      value: m.households,
      text: String(m.households),
      name: t('officer.chart.zeroName', { month: m.month, n: m.households }),
      href: withSite('/officer/households', 'zeroEmployment=true'),
    }));
    gaps = dashboard.skillGaps.map((g) => {
      const name = lang === 'zh' ? g.nameZh : g.nameEn;
      const missing = g.openings - g.residentsHolding;
      return {
        label: name,
        value: missing,
        text: t('officer.chart.gapText', { n: missing }),
        name: t('officer.chart.gapName', {
          skill: name,
          openings: g.openings,
          postings: g.postings,
          holding: g.residentsHolding,
        }),
        href: withSite('/officer/matches'),
      };
    });
  }

  // One definition per figure: the indicators' own (SummaryDto.definitions), as the API and Excel give them.
  const figureDefs: [string, string][] = [
    [t('officer.fig.households'), 'households'],
    [t('officer.fig.employmentRate'), 'employmentRate'],
    [t('officer.fig.employedPeople'), 'employed'],
    [t('officer.fig.zeroEmployment'), 'zeroEmploymentHouseholds'],
    [t('officer.fig.activePlacementRecords'), 'activePlacements'],
  ];
  const def = (f: string): string | undefined => summary?.definitions?.[f]?.[lang === 'zh' ? 'zh' : 'en'];
  const months = (data: ChartDatum[], chart: 'column' | 'line', title: string) =>
    data.length ? (
      <>
        <p class="hint">{t('officer.chart.fromFirst')}</p>
        {chart === 'column' ? (
          <ColumnChart data={data} title={title} />
        ) : (
          <LineChart data={data} title={title} />
        )}
        <ChartTable
          data={data}
          caption={t('officer.chart.numbers')}
          labelHeader={t('officer.month')}
          valueHeader={
            chart === 'column' ? t('officer.chart.placementsHeader') : t('officer.fig.zeroEmployment')
          }
        />
      </>
    ) : (
      <p class="empty">{t('officer.chart.noMonths')}</p>
    );
  return (
    <OfficerPage title="officer.dashboard.title">
      <SitePicker action="/officer" sites={sites} current={siteId ?? undefined} />
      <h2>{t('officer.dashboard.queues')}</h2>
      <ul class="tiles">
        {tiles.map((tile) => (
          <li key={tile.href}>
            <a href={tile.href} class="tile">
              <span class="tile-n">{tile.n}</span>
              <span class="tile-label">{tile.label}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="actions">
        <a class="button" href="/officer/import">
          {t('officer.import.title')}
        </a>{' '}
        <a class="button" href={withSite('/officer/exports')}>
          {t('officer.exports.title')}
        </a>{' '}
        <a class="button" href={withSite('/officer/placements')}>
          {t('officer.placements.title')}
        </a>
        {' '}
        <a class="button" href={withSite('/officer/travel-times')}>
          {t('commute.page.link')}
        </a>
      </p>

      {!siteId && <p class="empty">{t('officer.noSites')}</p>}

      {summary && siteId && (
        <>
          <h2>{t('officer.dashboard.figures')}</h2>
          <dl class="figures">
            <Figure label={t('officer.fig.households')}>
              <a href={withSite('/officer/households')}>{summary.households}</a>
            </Figure>
            <Figure label={t('officer.fig.employmentRate')}>
              <a href={withSite('/officer/residents')}>
                {pct(summary.employmentRate)} ({summary.employed}/{summary.laborForce})
              </a>
            </Figure>
            <Figure label={t('officer.fig.employedPeople')}>
              <a id="employed-count" href={withSite('/officer/residents')}>
                {summary.employed}
              </a>
            </Figure>
            <Figure label={t('officer.fig.zeroEmployment')}>
              <a id="zero-employment-count" href={withSite('/officer/households', 'zeroEmployment=true')}>
                {summary.zeroEmploymentHouseholds}
              </a>
            </Figure>
            <Figure label={t('officer.fig.activePlacementRecords')}>
              <a id="active-placements-count" href={withSite('/officer/placements', 'active=true')}>
                {summary.activePlacements}
              </a>
            </Figure>
          </dl>
          <details class="more" id="figure-definitions">
            <summary>{t('officer.fig.definitions')}</summary>
            <dl class="summary">
              {figureDefs.map(([label, f]) => (
                <Fragment key={f}>
                  <dt>{label}</dt>
                  <dd>{def(f)}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
        </>
      )}

      {dashboard && (
        <>
          <section aria-labelledby="c-rate">
            <h2 id="c-rate">{t('officer.chart.rate')}</h2>
            <BarChart data={rate} title={t('officer.chart.rate')} max={1} />
            <ChartTable
              data={rate}
              caption={t('officer.chart.numbers')}
              labelHeader={t('officer.site')}
              valueHeader={t('officer.fig.employmentRate')}
            />
          </section>
          <section aria-labelledby="c-placements">
            <h2 id="c-placements">{t('officer.chart.placementsByMonth')}</h2>
            {months(perMonth, 'column', t('officer.chart.placementsByMonth'))}
          </section>
          <section aria-labelledby="c-zero">
            <h2 id="c-zero">{t('officer.chart.zeroByMonth')}</h2>
            {months(zero, 'line', t('officer.chart.zeroByMonth'))}
          </section>
          <section aria-labelledby="c-gaps">
            <h2 id="c-gaps">{t('officer.chart.gaps')}</h2>
            {gaps.length ? (
              <>
                <BarChart data={gaps} title={t('officer.chart.gaps')} />
                <ChartTable
                  data={gaps}
                  caption={t('officer.chart.numbers')}
                  labelHeader={t('officer.chart.skill')}
                  valueHeader={t('officer.chart.gapHeader')}
                />
              </>
            ) : (
              <p class="empty">{t('officer.chart.noGaps')}</p>
            )}
          </section>
        </>
      )}
    </OfficerPage>
  );
}
