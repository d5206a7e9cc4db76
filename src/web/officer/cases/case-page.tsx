import { formatDate } from '../../../kernel/clock';
import { ACTION_KINDS, ACTION_OUTCOMES } from '../../../casework/case-vocabulary';
import type { CaseDetailDto } from '../../../casework/dto/case.dto';
import { caseWords } from '../../../i18n/casework-vocabulary';
import { ErrorBanner, Form, SelectField, TextField, type FormValues } from '../../components/form';
import { TextArea } from '../../components/text-area';
import { Layout } from '../../components/layout';
import { useWeb } from '../../render';
import { caseClockLabel } from './case-clock-label';
import { caseHouseholdName } from './case-household-name';
import { dueOf } from './cases-queue-page';

/**
 * GET /officer/cases/:id: the case, its clock, its actions and a form to log one from a phone.
 * After a rejected form, `values` are what the officer sent, so nothing typed is lost.
 */
export function CasePage(props: {
  c: CaseDetailDto;
  today: string;
  error?: string;
  done?: boolean;
  values?: FormValues;
}) {
  const { t, lang } = useWeb();
  const words = caseWords(lang);
  const { c } = props;
  // What the officer sent after a rejected form; otherwise today's date, nothing else chosen.
  const sent: FormValues = props.values ?? { date: props.today };
  const name = caseHouseholdName(c, t);
  const clock =
    c.status === 'open' || c.status === 'assisting' ? caseClockLabel(dueOf(c), props.today, t) : null;
  return (
    <Layout title={name} notice={props.done ? t('officer.cases.logged') : undefined}>
      <h1>{name}</h1>
      <p>
        {words.status[c.status]}
        {clock && (
          <>
            {' '}
            · <strong class={clock.overdue ? 'warning' : undefined}>{clock.text}</strong>
          </>
        )}
      </p>
      <dl>
        <dt>{t('officer.cases.openedOn')}</dt>
        <dd>{formatDate(c.openedAt)}</dd>
        <dt>{t('officer.cases.firstContactDue')}</dt>
        <dd>
          {c.firstContactDueOn}
          {c.firstContactOn ? t('officer.cases.contactedOn', { date: c.firstContactOn }) : ''}
        </dd>
        <dt>{t('officer.cases.clearDue')}</dt>
        <dd>{c.clearDueOn}</dd>
        <dt>{t('officer.cases.bundle')}</dt>
        <dd>“{c.serviceBundle}”</dd>
      </dl>
      {(c.status === 'open' ||
        c.status === 'assisting' ||
        c.status === 'employed' ||
        c.status === 'stabilised') && (
        <Form action={`/officer/cases/${c.id}/actions`} class="stack" label={t('officer.cases.log')}>
          <h2>{t('officer.cases.log')}</h2>
          {props.error && <ErrorBanner text={props.error} />}
          <SelectField
            name="kind"
            label={words.field.kind}
            required
            values={sent}
            options={ACTION_KINDS.filter((k) => k !== 'referral' && k !== 'training_offer').map((k) => ({
              value: k,
              label: words.action[k],
            }))}
          />
          <SelectField
            name="outcome"
            label={words.field.outcome}
            values={sent}
            options={ACTION_OUTCOMES.filter((o) => o === 'reached' || o === 'unreachable').map((o) => ({
              value: o,
              label: words.outcome[o],
            }))}
          />
          <TextField name="date" type="date" label={words.field.date} max={props.today} required values={sent} />
          <TextArea name="note" label={words.field.note} maxLength={500} values={sent} />
          <button type="submit" class="button primary">
            {t('officer.cases.save')}
          </button>
        </Form>
      )}
      <h2>{t('officer.cases.actions')}</h2>
      {c.actions.length === 0 ? (
        <p class="empty">{t('officer.cases.noActions')}</p>
      ) : (
        <ul id="case-actions">
          {[...c.actions].reverse().map((a) => (
            <li key={a.id}>
              {a.date} {words.action[a.kind]}
              {a.outcome ? t('officer.cases.actionOutcome', { outcome: words.outcome[a.outcome] }) : ''}
              {a.note ? t('officer.cases.actionNote', { note: a.note }) : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
