import type { CaseDto } from '../../../casework/dto/case.dto';
import type { CaseFigures } from '../../../casework/case-figures';
import { CASE_WORDS_ZH } from '../../../i18n/casework-vocabulary';
import { Layout } from '../../components/layout';
import { caseClockLabel } from './case-clock-label';

/** The next due date of a case: first contact until made, then clearing. */
export function dueOf(c: Pick<CaseDto, 'firstContactOn' | 'firstContactDueOn' | 'clearDueOn'>): string {
  return c.firstContactOn ? c.clearDueOn : c.firstContactDueOn;
}

export interface QueueFilter {
  overdueOnly: boolean;
  /** Closed, employed and stabilised cases too (the dashboard's median and share are over them). */
  all: boolean;
  siteId?: string;
  originRegionCode?: string;
}

/** The queue's address with the same site or township filter and the given flags. */
export function queueHref(f: QueueFilter, flags: { overdue?: boolean; all?: boolean } = {}): string {
  const p = new URLSearchParams();
  if (f.siteId) p.set('siteId', f.siteId);
  if (f.originRegionCode) p.set('originRegionCode', f.originRegionCode);
  if (flags.overdue) p.set('overdue', 'true');
  if (flags.all) p.set('all', 'true');
  const qs = p.toString();
  return qs ? `/officer/cases?${qs}` : '/officer/cases';
}

/**
 * GET /officer/cases: the work queue of zero-employment households nobody is at work in yet,
 * the nearest due date first, each with its clock. Plain links and a GET filter: no JavaScript.
 */
export function CasesQueuePage(props: {
  cases: CaseDto[];
  total: number;
  today: string;
  filter: QueueFilter;
  figures: CaseFigures;
}) {
  const f = props.figures;
  const filter = props.filter;
  const narrowed = !!(filter.siteId || filter.originRegionCode);
  return (
    <Layout title="零就业家庭帮扶">
      <h1>零就业家庭帮扶</h1>
      <ul class="figures" id="case-figures">
        <li>
          <a href="/officer/cases">待清零 {f.open} 户</a>
        </li>
        <li>
          <a href="/officer/cases?overdue=true">已超期 {f.overdue} 户</a>
        </li>
        <li>
          首次联系用时中位数：
          {f.medianWorkingDaysToFirstContact === null ? '—' : `${f.medianWorkingDaysToFirstContact} 个工作日`}
        </li>
        <li>
          按期清零率：
          {f.clearedWithinDeadline === null ? '—' : `${Math.round(f.clearedWithinDeadline * 100)}%`}
        </li>
        <li>
          <a href="/officer/cases/dashboard">按安置点、户籍乡镇统计</a>
        </li>
      </ul>
      <p id="case-list-filter">
        {narrowed ? (filter.siteId ? '本安置点' : `户籍地 ${filter.originRegionCode}`) : ''}
        {filter.all ? '全部案件（含已就业、已销号）' : ''}列表 {props.total} 户。
        {filter.overdueOnly ? (
          <a href={queueHref(filter)}>显示全部</a>
        ) : (
          <a href={queueHref(filter, { overdue: true })}>只看已超期</a>
        )}
        {narrowed || filter.all ? (
          <>
            {' '}
            <a href="/officer/cases">取消筛选</a>
          </>
        ) : null}
      </p>
      {props.cases.length === 0 ? (
        <p class="empty">没有待帮扶的零就业家庭。</p>
      ) : (
        <ul class="cards" id="case-queue">
          {props.cases.map((c) => {
            const clock = caseClockLabel(dueOf(c), props.today);
            return (
              <li key={c.id} class="card">
                <p>
                  <a href={`/officer/cases/${c.id}`}>{c.householdName}</a> · {CASE_WORDS_ZH.status[c.status]}
                </p>
                {c.status === 'open' || c.status === 'assisting' ? (
                  <p class={clock.overdue ? 'warning' : undefined}>
                    {c.firstContactOn ? '清零' : '首次联系'}期限 {dueOf(c)}：<strong>{clock.text}</strong>
                  </p>
                ) : (
                  <p>
                    首次联系 {c.firstContactOn ?? '—'} · 清零期限 {c.clearDueOn}
                  </p>
                )}
                <p>
                  已服务：政策宣讲 {c.services.policyBriefing} · 职业指导 {c.services.guidance} · 岗位推荐{' '}
                  {c.services.referrals} · 培训机会 {c.services.trainingOffers}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
