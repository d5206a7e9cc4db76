import type { BatchDetailDto, MemberDto, RetentionDto } from '../../../programmes/cooperation/dto/cooperation.dto';
import { Form } from '../../components/form';
import { Layout } from '../../components/layout';
import type { MessageKey } from '../../../i18n/web/messages';
import { useWeb } from '../../render';
import { BASE, ErrorLine, monthLabel, type PageError, type TypedValues } from './cooperation-page-parts';

/** A member form that was refused: which member, which form, and what was typed into it. */
export interface MemberFormTyped {
  residentId: string;
  form: 'arrivals' | 'checks' | 'returns';
  values: TypedValues;
}

function Retention({ items }: { items: RetentionDto[] }) {
  const { t } = useWeb();
  return (
    <ul class="retention">
      {items.map((r) => (
        <li key={r.month}>
          {monthLabel(t, r.month)} {r.dueOn}：{t(`coop.retention.${r.status}`)}
          {r.checkedOn ? `（${r.checkedOn}）` : ''}
        </li>
      ))}
    </ul>
  );
}

function MemberCard(props: { b: BatchDetailDto; m: MemberDto; today: string; typed?: MemberFormTyped }) {
  const { b, m, today } = props;
  const { t } = useWeb();
  const id = m.residentId!;
  // A refused form of this member comes back as it was typed; the member's other forms as new.
  const typed = (form: MemberFormTyped['form']) =>
    props.typed?.residentId === id && props.typed.form === form ? props.typed.values : undefined;
  const arrival = typed('arrivals');
  const check = typed('checks');
  const back = typed('returns');
  const open = (m.retention ?? []).filter((r) => r.status === 'due' || r.status === 'overdue');
  const action = (what: string) => `${BASE}/batches/${b.id}/${what}`;
  return (
    <li class="member" id={`member-${id}`}>
      <h2>{m.name}</h2>
      <p>
        {t(`coop.work.${m.workStatus}`)}
        {m.arrivedOn ? ` · ${t('coop.member.arrived', { date: m.arrivedOn })}` : ''}
        {m.employerName ? ` · ${m.employerName}` : ''}
      </p>
      {m.returnedOn && (
        <p>{t('coop.member.returned', { date: m.returnedOn, reason: m.returnReason ?? '' })}</p>
      )}
      {!m.arrivedOn && !m.returnedOn && (
        <Form class="stack" action={action('arrivals')} label={`${t('coop.member.arrive')} ${m.name}`}>
          <input type="hidden" name="residentId" value={id} />
          <div class="field">
            <label for={`arr-${id}`}>{t('coop.field.arrivedOn')}</label>
            <input
              id={`arr-${id}`}
              name="arrivedOn"
              type="date"
              required
              value={arrival?.arrivedOn ?? today}
              max={today}
            />
          </div>
          <div class="field">
            <label for={`emp-${id}`}>{t('coop.field.employerName')}</label>
            <input id={`emp-${id}`} name="employerName" maxLength={100} value={arrival?.employerName ?? ''} />
          </div>
          <button type="submit" class="button primary">
            {t('coop.member.arrive')}
          </button>
        </Form>
      )}
      {m.retention && m.retention.length > 0 && (
        <>
          <h3>{t('coop.retention')}</h3>
          <Retention items={m.retention} />
        </>
      )}
      {open.length > 0 && !m.returnedOn && (
        <Form class="stack" action={action('checks')} label={`${t('coop.member.check')} ${m.name}`}>
          <input type="hidden" name="residentId" value={id} />
          <div class="field">
            <label for={`mo-${id}`}>{t('coop.field.month')}</label>
            <select id={`mo-${id}`} name="month">
              {open.map((r) => (
                <option key={r.month} value={String(r.month)} selected={check?.month === String(r.month)}>
                  {monthLabel(t, r.month)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`at-${id}`}>{t('coop.field.stillAtWork')}</label>
            <select id={`at-${id}`} name="stillAtWork">
              <option value="true">{t('coop.yes')}</option>
              <option value="false" selected={check?.stillAtWork === 'false'}>
                {t('coop.no')}
              </option>
            </select>
          </div>
          <div class="field">
            <label for={`ck-${id}`}>{t('coop.field.checkedOn')}</label>
            <input
              id={`ck-${id}`}
              name="checkedOn"
              type="date"
              required
              value={check?.checkedOn ?? today}
              max={today}
            />
          </div>
          <button type="submit" class="button">
            {t('coop.member.check')}
          </button>
        </Form>
      )}
      {!m.returnedOn && (
        <details open={!!back}>
          <summary>{t('coop.member.return')}</summary>
          <Form class="stack" action={action('returns')} label={`${t('coop.member.return')} ${m.name}`}>
            <input type="hidden" name="residentId" value={id} />
            <div class="field">
              <label for={`ret-${id}`}>{t('coop.field.returnedOn')}</label>
              <input
                id={`ret-${id}`}
                name="returnedOn"
                type="date"
                required
                value={back?.returnedOn ?? today}
                max={today}
              />
            </div>
            <div class="field">
              <label for={`why-${id}`}>{t('coop.field.reason')}</label>
              <input id={`why-${id}`} name="reason" maxLength={200} required value={back?.reason ?? ''} />
            </div>
            <button type="submit" class="button">
              {t('coop.member.return')}
            </button>
          </Form>
        </details>
      )}
    </li>
  );
}

/** GET /officer/programmes/cooperation/batches/:id: arrivals, retention checks, returns home. */
export function BatchPage(p: {
  b: BatchDetailDto;
  today: string;
  notice?: MessageKey;
  error?: PageError;
  /** The member form that was refused, as typed. */
  typed?: MemberFormTyped;
}) {
  const { t } = useWeb();
  const title = t('coop.batch.title', { city: p.b.partnerCity, date: p.b.departureOn });
  return (
    <Layout title={title} notice={p.notice ? t(p.notice) : undefined}>
      <p>
        <a href={BASE}>{t('coop.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('coop.batch.members', { n: p.b.memberCount, arrived: p.b.arrivedCount })}
        {p.b.transport ? ` · ${t(`coop.transport.${p.b.transport as 'bus' | 'train'}`)}` : ''}
      </p>
      <ErrorLine error={p.error} />
      <ul class="members" id="coop-members">
        {p.b.members.map((m) => (
          <MemberCard key={m.residentId} b={p.b} m={m} today={p.today} typed={p.typed} />
        ))}
      </ul>
    </Layout>
  );
}
