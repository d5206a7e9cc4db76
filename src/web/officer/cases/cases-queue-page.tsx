import type { CaseDto } from '../../../casework/dto/case.dto';
import type { CaseFigures } from '../../../casework/case-figures';
import { Layout } from '../../components/layout';
import { caseClockLabel } from './case-clock-label';

export const STATUS_ZH: Record<string, string> = {
  open: '待帮扶',
  assisting: '帮扶中',
  employed: '已就业',
  stabilised: '已稳定',
  closed: '已销号',
};

/** The next due date of a case: first contact until made, then clearing. */
export function dueOf(c: Pick<CaseDto, 'firstContactOn' | 'firstContactDueOn' | 'clearDueOn'>): string {
  return c.firstContactOn ? c.clearDueOn : c.firstContactDueOn;
}

/**
 * GET /officer/cases: the work queue of zero-employment households nobody is at work in yet,
 * the nearest due date first, each with its clock. Plain links and a GET filter: no JavaScript.
 */
export function CasesQueuePage(props: {
  cases: CaseDto[];
  total: number;
  today: string;
  overdueOnly: boolean;
  figures: CaseFigures;
}) {
  const f = props.figures;
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
      </ul>
      <p>
        列表 {props.total} 户。
        {props.overdueOnly ? (
          <a href="/officer/cases">显示全部</a>
        ) : (
          <a href="/officer/cases?overdue=true">只看已超期</a>
        )}
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
                  <a href={`/officer/cases/${c.id}`}>{c.householdName}</a> · {STATUS_ZH[c.status]}
                </p>
                <p class={clock.overdue ? 'warning' : undefined}>
                  {c.firstContactOn ? '清零' : '首次联系'}期限 {dueOf(c)}：<strong>{clock.text}</strong>
                </p>
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
