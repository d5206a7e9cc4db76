import type { CaseDashboardDto, DashboardGroupDto } from '../../../casework/dto/case-dashboard.dto';
import { Layout } from '../../components/layout';
import { useWeb } from '../../render';
import { counted } from '../../../i18n/web/i18n';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** The queue page's filter a dashboard row counts (the API rows link to GET /cases the same way). */
function listHref(filter: 'siteId' | 'originRegionCode', id: string, extra = ''): string {
  return `/officer/cases?${filter}=${encodeURIComponent(id)}${extra}`;
}

function GroupCard(props: { g: DashboardGroupDto; filter: 'siteId' | 'originRegionCode' }) {
  const { t } = useWeb();
  const { g, filter } = props;
  const href = (extra = '') => listHref(filter, g.id, extra);
  return (
    <li class="card">
      <h3>{g.name}</h3>
      <dl class="figures">
        <div>
          <dt>{t('officer.cases.dashboard.toClear')}</dt>
          <dd>
            <a href={href()}>{counted(t, 'officer.cases.households', g.open)}</a>
          </dd>
        </div>
        <div class={g.overdue ? 'warning' : undefined}>
          <dt>{t('officer.cases.dashboard.overdue')}</dt>
          <dd>
            <a href={href('&overdue=true')}>{counted(t, 'officer.cases.households', g.overdue)}</a>
          </dd>
        </div>
        <div>
          <dt>{t('officer.cases.dashboard.median', { n: g.contacted })}</dt>
          <dd>
            <a href={href('&all=true')}>
              {g.medianWorkingDaysToFirstContact === null
                ? '—'
                : counted(t, 'officer.cases.workingDays', g.medianWorkingDaysToFirstContact)}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('officer.cases.dashboard.onTime', { n: g.judged })}</dt>
          <dd>
            <a href={href('&all=true')}>{percent(g.clearedWithinDeadline)}</a>
          </dd>
        </div>
        <div>
          <dt>{t('officer.cases.dashboard.bundle', { n: g.bundle.members })}</dt>
          <dd>
            <a href={href()}>
              {t('officer.cases.dashboard.bundleDone', {
                complete: g.bundle.complete,
                members: g.bundle.members,
                share: percent(g.bundle.share),
              })}
            </a>
          </dd>
        </div>
      </dl>
    </li>
  );
}

/**
 * GET /officer/cases/dashboard: the casework figures per site and per origin township, each
 * number a link to the queue filtered to the cases it counts. Cards, not a table: 360 px wide.
 */
export function CasesDashboardPage(props: { d: CaseDashboardDto }) {
  const { t } = useWeb();
  const { d } = props;
  return (
    <Layout title={t('officer.cases.dashboard.title')}>
      <h1>{t('officer.cases.dashboard.title')}</h1>
      <p>
        {t('officer.cases.dashboard.intro', { date: d.today })}
        <a href="/officer/cases">{t('officer.cases.dashboard.back')}</a>
      </p>
      <section id="dashboard-sites" aria-labelledby="dashboard-sites-title">
        <h2 id="dashboard-sites-title">{t('officer.cases.dashboard.bySite')}</h2>
        {d.sites.length === 0 ? (
          <p class="empty">{t('officer.cases.dashboard.none')}</p>
        ) : (
          <ul class="cards">
            {d.sites.map((g) => (
              <GroupCard key={g.id} g={g} filter="siteId" />
            ))}
          </ul>
        )}
      </section>
      <section id="dashboard-townships" aria-labelledby="dashboard-townships-title">
        <h2 id="dashboard-townships-title">{t('officer.cases.dashboard.byTownship')}</h2>
        {d.townships.length === 0 ? (
          <p class="empty">{t('officer.cases.dashboard.none')}</p>
        ) : (
          <ul class="cards">
            {d.townships.map((g) => (
              <GroupCard key={g.id} g={g} filter="originRegionCode" />
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
