import type { CaseDashboardDto, DashboardGroupDto } from '../../../casework/dto/case-dashboard.dto';
import { Layout } from '../../components/layout';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** The queue page's filter a dashboard row counts (the API rows link to GET /cases the same way). */
function listHref(filter: 'siteId' | 'originRegionCode', id: string, extra = ''): string {
  return `/officer/cases?${filter}=${encodeURIComponent(id)}${extra}`;
}

function GroupCard(props: { g: DashboardGroupDto; filter: 'siteId' | 'originRegionCode' }) {
  const { g, filter } = props;
  const href = (extra = '') => listHref(filter, g.id, extra);
  return (
    <li class="card">
      <h3>{g.name}</h3>
      <dl class="figures">
        <div>
          <dt>待清零</dt>
          <dd>
            <a href={href()}>{g.open} 户</a>
          </dd>
        </div>
        <div class={g.overdue ? 'warning' : undefined}>
          <dt>已超期</dt>
          <dd>
            <a href={href('&overdue=true')}>{g.overdue} 户</a>
          </dd>
        </div>
        <div>
          <dt>首次联系用时中位数（{g.contacted} 户已联系）</dt>
          <dd>
            <a href={href('&all=true')}>
              {g.medianWorkingDaysToFirstContact === null
                ? '—'
                : `${g.medianWorkingDaysToFirstContact} 个工作日`}
            </a>
          </dd>
        </div>
        <div>
          <dt>按期清零率（{g.judged} 户到期或已清零）</dt>
          <dd>
            <a href={href('&all=true')}>{percent(g.clearedWithinDeadline)}</a>
          </dd>
        </div>
        <div>
          <dt>服务包完成（{g.bundle.members} 名有劳动能力的成员）</dt>
          <dd>
            <a href={href()}>
              {g.bundle.complete}/{g.bundle.members} 人 {percent(g.bundle.share)}
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
  const { d } = props;
  return (
    <Layout title="零就业家庭帮扶统计">
      <h1>零就业家庭帮扶统计</h1>
      <p>
        统计日期 {d.today}。服务包按有劳动能力的成员计。<a href="/officer/cases">返回帮扶列表</a>
      </p>
      <section id="dashboard-sites" aria-labelledby="dashboard-sites-title">
        <h2 id="dashboard-sites-title">按安置点</h2>
        {d.sites.length === 0 ? (
          <p class="empty">暂无零就业家庭。</p>
        ) : (
          <ul class="cards">
            {d.sites.map((g) => (
              <GroupCard key={g.id} g={g} filter="siteId" />
            ))}
          </ul>
        )}
      </section>
      <section id="dashboard-townships" aria-labelledby="dashboard-townships-title">
        <h2 id="dashboard-townships-title">按户籍乡镇</h2>
        {d.townships.length === 0 ? (
          <p class="empty">暂无零就业家庭。</p>
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
