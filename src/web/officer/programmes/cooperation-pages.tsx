import type { ResidentSummaryDto } from '../../../residents/dto/resident.dto';
import type {
  BatchDetailDto,
  BatchDto,
  FairDto,
  MemberDto,
  OutcomeListDto,
  RetentionDto,
} from '../../../programmes/cooperation/dto/cooperation.dto';
import { Form } from '../../components/form';
import { Layout } from '../../components/layout';
import type { MessageKey } from '../../i18n/messages';
import { useWeb } from '../../render';

export const BASE = '/officer/programmes/cooperation';

/** A form's failure: the field (its label key), or the words of a conflict. */
export interface PageError {
  field?: MessageKey;
  /** The words of a refusal (409) that names no field. */
  conflict?: MessageKey;
}

function ErrorLine({ error }: { error?: PageError }) {
  const { t } = useWeb();
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error.field ? t('coop.error', { field: t(error.field) }) : t(error.conflict ?? 'coop.conflict.other')}
    </p>
  );
}

export function monthLabel(t: ReturnType<typeof useWeb>['t'], n: number): string {
  return n === 0 ? t('coop.retention.month.0') : t('coop.retention.month', { n });
}

/** GET /officer/programmes/cooperation: batches, fairs and outcomes of the officer's sites. */
export function CooperationHomePage(p: {
  batches: BatchDto[];
  fairs: FairDto[];
  outcomes: OutcomeListDto;
  cities: string[];
  sites: { id: string; name: string }[];
  today: string;
  notice?: MessageKey;
  error?: PageError;
  values?: Record<string, string | undefined>;
}) {
  const { t } = useWeb();
  const v = p.values ?? {};
  return (
    <Layout title={t('coop.title')} notice={p.notice ? t(p.notice) : undefined}>
      <h1>{t('coop.title')}</h1>
      <p>
        <a class="button primary" href={`${BASE}/batches/new`}>
          {t('coop.batch.new')}
        </a>
      </p>
      <h2>{t('coop.batches')}</h2>
      {p.batches.length === 0 ? (
        <p class="empty">{t('coop.batches.none')}</p>
      ) : (
        <ul id="coop-batches">
          {p.batches.map((b) => (
            <li key={b.id}>
              <a href={`${BASE}/batches/${b.id}`}>
                {t('coop.batch.title', { city: b.partnerCity, date: b.departureOn })}
              </a>
              {' · '}
              {t('coop.batch.members', { n: b.memberCount, arrived: b.arrivedCount })}
            </li>
          ))}
        </ul>
      )}
      <h2 id="outcomes">{t('coop.outcomes')}</h2>
      <p>
        {(['city', 'fair', 'employer'] as const).map((by) => (
          <>
            {by === p.outcomes.by ? (
              <strong>{t(`coop.outcomes.by.${by}`)}</strong>
            ) : (
              <a href={`${BASE}?by=${by}#outcomes`}>{t(`coop.outcomes.by.${by}`)}</a>
            )}{' '}
          </>
        ))}
      </p>
      {p.outcomes.items.length === 0 ? (
        <p class="empty">{t('coop.outcomes.none')}</p>
      ) : (
        <ul id="coop-outcomes">
          {p.outcomes.items.map((o) => (
            <li key={o.key ?? 'none'}>
              <strong>{o.label ?? t('coop.outcomes.unknown')}</strong>：
              {t('coop.outcomes.row', {
                departed: o.departed,
                arrived: o.arrived,
                at3: o.atWork3,
                at6: o.atWork6,
              })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('coop.fairs')}</h2>
      {p.fairs.length === 0 ? (
        <p class="empty">{t('coop.fairs.none')}</p>
      ) : (
        <ul id="coop-fairs">
          {p.fairs.map((f) => (
            <li key={f.id}>
              {f.heldOn} {f.name}（{f.partnerCity}）
            </li>
          ))}
        </ul>
      )}
      <Form class="stack" action={`${BASE}/fairs`} label={t('coop.fair.new')}>
        <h3>{t('coop.fair.new')}</h3>
        <ErrorLine error={p.error} />
        <div class="field">
          <label for="fair-name">{t('coop.field.name')}</label>
          <input id="fair-name" name="name" maxLength={100} required value={v.name ?? ''} />
        </div>
        <div class="field">
          <label for="fair-held">{t('coop.field.heldOn')}</label>
          <input id="fair-held" name="heldOn" type="date" required value={v.heldOn ?? p.today} />
        </div>
        <div class="field">
          <label for="fair-city">{t('coop.field.partnerCity')}</label>
          <select id="fair-city" name="partnerCity" required>
            {p.cities.map((c) => (
              <option key={c} value={c} selected={v.partnerCity === c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="fair-site">{t('coop.field.siteId')}</label>
          <select id="fair-site" name="siteId" required>
            {p.sites.map((s) => (
              <option key={s.id} value={s.id} selected={v.siteId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('coop.save')}
        </button>
      </Form>
    </Layout>
  );
}

/** GET /officer/programmes/cooperation/batches/new: the batch and its members, picked on a phone. */
export function NewBatchPage(p: {
  residents: ResidentSummaryDto[];
  cities: string[];
  fairs: FairDto[];
  today: string;
  values?: Record<string, string | undefined>;
  residentIds?: string[];
  error?: PageError;
}) {
  const { t } = useWeb();
  const v = p.values ?? {};
  const picked = new Set(p.residentIds ?? []);
  return (
    <Layout title={t('coop.batch.new')}>
      <h1>{t('coop.batch.new')}</h1>
      <Form class="stack" action={`${BASE}/batches`} label={t('coop.batch.new')}>
        <ErrorLine error={p.error} />
        <div class="field">
          <label for="b-city">{t('coop.field.partnerCity')}</label>
          <select id="b-city" name="partnerCity" required>
            {p.cities.map((c) => (
              <option key={c} value={c} selected={v.partnerCity === c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="b-date">{t('coop.field.departureOn')}</label>
          <input id="b-date" name="departureOn" type="date" required value={v.departureOn ?? p.today} />
        </div>
        <div class="field">
          <label for="b-transport">{t('coop.field.transport')}</label>
          <select id="b-transport" name="transport">
            {(['', 'bus', 'train'] as const).map((x) => (
              <option key={x} value={x} selected={(v.transport ?? '') === x}>
                {t(x ? `coop.transport.${x}` : 'coop.transport.none')}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="b-fair">{t('coop.field.fairId')}</label>
          <select id="b-fair" name="fairId">
            <option value="">—</option>
            {p.fairs.map((f) => (
              <option key={f.id} value={f.id} selected={v.fairId === f.id}>
                {f.heldOn} {f.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="b-liaison">{t('coop.field.liaisonPhone')}</label>
          <input
            id="b-liaison"
            name="liaisonPhone"
            type="tel"
            inputMode="tel"
            maxLength={11}
            value={v.liaisonPhone ?? ''}
          />
        </div>
        <fieldset class={p.error?.field === 'coop.field.residentIds' ? 'field invalid' : 'field'} id="b-residents">
          <legend>{t('coop.field.residentIds')}</legend>
          {p.residents.length === 0 ? (
            <p class="empty">{t('coop.noResidents')}</p>
          ) : (
            <div class="checks">
              {p.residents.map((r) => (
                <label key={r.id} class="choice">
                  <input type="checkbox" name="residentIds" value={r.id} checked={picked.has(r.id)} />
                  <span>{r.name}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <button type="submit" class="button primary">
          {t('coop.create')}
        </button>
      </Form>
    </Layout>
  );
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

function MemberCard({ b, m, today }: { b: BatchDetailDto; m: MemberDto; today: string }) {
  const { t } = useWeb();
  const id = m.residentId!;
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
            <input id={`arr-${id}`} name="arrivedOn" type="date" required value={today} max={today} />
          </div>
          <div class="field">
            <label for={`emp-${id}`}>{t('coop.field.employerName')}</label>
            <input id={`emp-${id}`} name="employerName" maxLength={100} />
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
                <option key={r.month} value={String(r.month)}>
                  {monthLabel(t, r.month)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`at-${id}`}>{t('coop.field.stillAtWork')}</label>
            <select id={`at-${id}`} name="stillAtWork">
              <option value="true">{t('coop.yes')}</option>
              <option value="false">{t('coop.no')}</option>
            </select>
          </div>
          <div class="field">
            <label for={`ck-${id}`}>{t('coop.field.checkedOn')}</label>
            <input id={`ck-${id}`} name="checkedOn" type="date" required value={today} max={today} />
          </div>
          <button type="submit" class="button">
            {t('coop.member.check')}
          </button>
        </Form>
      )}
      {!m.returnedOn && (
        <details>
          <summary>{t('coop.member.return')}</summary>
          <Form class="stack" action={action('returns')} label={`${t('coop.member.return')} ${m.name}`}>
            <input type="hidden" name="residentId" value={id} />
            <div class="field">
              <label for={`ret-${id}`}>{t('coop.field.returnedOn')}</label>
              <input id={`ret-${id}`} name="returnedOn" type="date" required value={today} max={today} />
            </div>
            <div class="field">
              <label for={`why-${id}`}>{t('coop.field.reason')}</label>
              <input id={`why-${id}`} name="reason" maxLength={200} required />
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
export function BatchPage(p: { b: BatchDetailDto; today: string; notice?: MessageKey; error?: PageError }) {
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
          <MemberCard key={m.residentId} b={p.b} m={m} today={p.today} />
        ))}
      </ul>
    </Layout>
  );
}
