import { formatDate } from '../../../kernel/clock';
import { ACTION_KINDS, ACTION_OUTCOMES } from '../../../casework/case-vocabulary';
import type { CaseDetailDto } from '../../../casework/dto/case.dto';
import { CASE_WORDS_ZH } from '../../../i18n/casework-vocabulary';
import { Form } from '../../components/form';
import { Layout } from '../../components/layout';
import { caseClockLabel } from './case-clock-label';
import { dueOf } from './cases-queue-page';

/** GET /officer/cases/:id: the case, its clock, its actions and a form to log one from a phone. */
export function CasePage(props: { c: CaseDetailDto; today: string; error?: string; done?: boolean }) {
  const { c } = props;
  const clock =
    c.status === 'open' || c.status === 'assisting' ? caseClockLabel(dueOf(c), props.today) : null;
  return (
    <Layout title={c.householdName} notice={props.done ? '已记录。' : undefined}>
      <h1>{c.householdName}</h1>
      <p>
        {CASE_WORDS_ZH.status[c.status]}
        {clock && (
          <>
            {' '}
            · <strong class={clock.overdue ? 'warning' : undefined}>{clock.text}</strong>
          </>
        )}
      </p>
      <dl>
        <dt>认定日期</dt>
        <dd>{formatDate(c.openedAt)}</dd>
        <dt>首次联系期限</dt>
        <dd>
          {c.firstContactDueOn}
          {c.firstContactOn ? `（${c.firstContactOn} 已联系）` : ''}
        </dd>
        <dt>清零期限</dt>
        <dd>{c.clearDueOn}</dd>
        <dt>服务包</dt>
        <dd>“{c.serviceBundle}”</dd>
      </dl>
      {(c.status === 'open' ||
        c.status === 'assisting' ||
        c.status === 'employed' ||
        c.status === 'stabilised') && (
        <Form action={`/officer/cases/${c.id}/actions`} label="记录帮扶">
          <h2>记录帮扶</h2>
          {props.error && (
            <p class="error" role="alert">
              {props.error}
            </p>
          )}
          <label for="f-kind">方式</label>
          <select id="f-kind" name="kind" required>
            {ACTION_KINDS.filter((k) => k !== 'referral' && k !== 'training_offer').map((k) => (
              <option key={k} value={k}>
                {CASE_WORDS_ZH.action[k]}
              </option>
            ))}
          </select>
          <label for="f-outcome">结果</label>
          <select id="f-outcome" name="outcome">
            {ACTION_OUTCOMES.filter((o) => o === 'reached' || o === 'unreachable').map((o) => (
              <option key={o} value={o}>
                {CASE_WORDS_ZH.outcome[o]}
              </option>
            ))}
          </select>
          <label for="f-date">日期</label>
          <input id="f-date" name="date" type="date" value={props.today} max={props.today} required />
          <label for="f-note">备注</label>
          <textarea id="f-note" name="note" maxLength={500} rows={3} />
          <button type="submit" class="button primary">
            保存
          </button>
        </Form>
      )}
      <h2>帮扶记录</h2>
      {c.actions.length === 0 ? (
        <p class="empty">还没有记录。</p>
      ) : (
        <ul id="case-actions">
          {[...c.actions].reverse().map((a) => (
            <li key={a.id}>
              {a.date} {CASE_WORDS_ZH.action[a.kind]}
              {a.outcome ? `（${CASE_WORDS_ZH.outcome[a.outcome]}）` : ''}
              {a.note ? `：${a.note}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
