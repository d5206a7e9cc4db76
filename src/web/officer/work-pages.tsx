import { formatDateTime, todayInPilotZone } from '../../common/clock';
import type { Page } from '../../common/pagination';
import type { EmployerDto } from '../../employers/dto/employer.dto';
import type { ImportDto } from '../../imports/dto/import.dto';
import { SCORE_BANDS, type OfficerMatchDto, type ScoreBand } from '../../matching/dto/match.dto';
import type { NotificationDto } from '../../notifications/dto/notification.dto';
import type { FollowUpTaskDto } from '../../placements/dto/follow-up.dto';
import type { PlacementDto } from '../../placements/dto/placement.dto';
import { ActionButton, ErrorBanner, Form, type FormErrors, type FormValues } from '../components/form';
import { ItemList } from '../components/item-list';
import { useWeb } from '../render';
import { OfficerPage, Pager, SitePicker, type SiteOption } from './officer-layout';
import { ListTable, siteListHref, TotalCount } from './officer-lists';
import type { OfficerKey } from './officer-messages';
import { officerNotificationHref } from './notification-link';

const KIND: Record<string, OfficerKey> = {
  local_enterprise: 'officer.kind.local_enterprise',
  workshop: 'officer.kind.workshop',
  public_welfare: 'officer.kind.public_welfare',
  self_employed: 'officer.kind.self_employed',
  away_from_home: 'officer.kind.away_from_home',
};

function KindLabel({ kind }: { kind: string }) {
  const { t } = useWeb();
  return <>{KIND[kind] ? t(KIND[kind]) : kind}</>;
}

function FieldError({ id, error }: { id: string; error?: OfficerKey }) {
  const { t } = useWeb();
  return error ? (
    <span class="field-error" id={id}>
      {t(error)}
    </span>
  ) : null;
}

/** The 待推荐 page's filters, as its query string carries them (and the form keeps). */
export interface MatchFilters {
  siteId?: string;
  postingId?: string;
  band?: ScoreBand;
  zeroEmployment?: boolean;
}

const BAND_LABEL: Record<ScoreBand, OfficerKey> = {
  strong: 'officer.matches.band.strong',
  fair: 'officer.matches.band.fair',
  weak: 'officer.matches.band.weak',
};

/** The query string of the filters (and a page): the pager and the form's links keep them. */
export function matchFiltersQuery(f: MatchFilters, pageNo?: number): string {
  const qs = new URLSearchParams();
  if (f.siteId) qs.set('siteId', f.siteId);
  if (f.postingId) qs.set('postingId', f.postingId);
  if (f.band) qs.set('band', f.band);
  if (f.zeroEmployment) qs.set('zeroEmployment', 'true');
  if (pageNo && pageNo > 1) qs.set('page', String(pageNo));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** One GET form for every filter of the queue; it shows what was chosen. */
function MatchFilterForm(props: {
  sites: SiteOption[];
  postings: { id: string; title: string; matches: number }[];
  filters: MatchFilters;
}) {
  const { t } = useWeb();
  const f = props.filters;
  return (
    <form method="get" action="/officer/matches" class="filters">
      <label for="f-siteId">{t('officer.site')}</label>
      <select id="f-siteId" name="siteId">
        <option value="">{t('officer.allSites')}</option>
        {props.sites.map((s) => (
          <option key={s.id} value={s.id} selected={s.id === f.siteId}>
            {s.name}
          </option>
        ))}
      </select>
      <label for="f-postingId">{t('officer.matches.posting')}</label>
      <select id="f-postingId" name="postingId">
        <option value="">{t('officer.matches.allPostings')}</option>
        {props.postings.map((p) => (
          <option key={p.id} value={p.id} selected={p.id === f.postingId}>
            {`${p.title}（${p.matches}）`}
          </option>
        ))}
      </select>
      <label for="f-band">{t('officer.matches.bandLabel')}</label>
      <select id="f-band" name="band">
        <option value="">{t('officer.matches.allBands')}</option>
        {SCORE_BANDS.map((b) => (
          <option key={b} value={b} selected={b === f.band}>
            {t(BAND_LABEL[b])}
          </option>
        ))}
      </select>
      <label class="check">
        <input type="checkbox" name="zeroEmployment" value="true" checked={!!f.zeroEmployment} />
        {t('officer.matches.zeroOnly')}
      </label>
      <button type="submit" class="button">
        {t('officer.show')}
      </button>
    </form>
  );
}

/**
 * `/officer/matches`: matches to refer, the best work first (strong matches lead; within a band
 * of score household priority orders those who meet the required skills), each with its reason.
 */
export function MatchesPage(props: {
  sites: SiteOption[];
  postings: { id: string; title: string; matches: number }[];
  filters: MatchFilters;
  list: Page<OfficerMatchDto>;
  /** After an action: what was done (the confirmation shown on top). */
  done?: 'referred' | 'dismissed';
  /** The match whose dismiss form failed, and why. */
  failed?: { matchId: string; error: OfficerKey };
}) {
  const { t } = useWeb();
  const { list, filters } = props;
  const notice =
    props.done === 'referred'
      ? t('officer.matches.referred')
      : props.done === 'dismissed'
        ? t('officer.matches.dismissed')
        : undefined;
  return (
    <OfficerPage title="officer.matches.title" notice={notice}>
      <p class="lead">{t('officer.matches.intro')}</p>
      <MatchFilterForm sites={props.sites} postings={props.postings} filters={filters} />
      <TotalCount n={list.total} />
      <ItemList items={list.items} class="queue" empty={t('officer.matches.none')}>
        {(m) => {
          const err = props.failed?.matchId === m.matchId ? props.failed.error : undefined;
          return (
            <li key={m.matchId} class={m.zeroEmployment ? 'at-risk' : undefined}>
              <h2 class="item-title">
                <a href={`/officer/residents/${m.residentId}`}>{m.name}</a> →{' '}
                <a href={`/jobs/${m.postingId}`}>{m.postingTitle}</a>
              </h2>
              <p>
                {t('officer.matches.score', { score: Math.round(m.score) })}
                {m.zeroEmployment && <strong> · {t('officer.matches.zeroHousehold')}</strong>}
              </p>
              <p class="reason">{m.reason}</p>
              <div class="row-actions">
                <ActionButton
                  action={`/officer/matches/${m.matchId}/refer`}
                  text={t('officer.matches.refer')}
                  label={t('officer.matches.refer')}
                  primary
                />
                <Form
                  action={`/officer/matches/${m.matchId}/dismiss`}
                  class="dismiss"
                  label={t('officer.matches.dismiss')}
                >
                  <div class={err ? 'field invalid' : 'field'}>
                    <label for={`reason-${m.matchId}`}>{t('officer.matches.reason')}</label>
                    <FieldError id={`reason-${m.matchId}-error`} error={err} />
                    <input
                      id={`reason-${m.matchId}`}
                      name="reason"
                      maxLength={500}
                      aria-invalid={err ? 'true' : undefined}
                      aria-describedby={err ? `reason-${m.matchId}-error` : undefined}
                    />
                  </div>
                  <button type="submit" class="button">
                    {t('officer.matches.dismiss')}
                  </button>
                </Form>
              </div>
            </li>
          );
        }}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={(n) => `/officer/matches${matchFiltersQuery(filters, n)}`}
      />
    </OfficerPage>
  );
}

/** `/officer/placements`: who is at work (a month from the chart, or all); end a placement. */
export function PlacementsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  month?: string;
  active?: boolean;
  items: PlacementDto[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = useWeb();
  const { siteId, month } = props;
  const keep = [
    siteId ? `siteId=${siteId}` : '',
    month ? `month=${month}` : '',
    props.active ? 'active=true' : '',
  ]
    .filter(Boolean)
    .join('&');
  const today = todayInPilotZone();
  return (
    <OfficerPage title="officer.placements.title">
      {month && <p class="lead">{t('officer.placements.startedIn', { month })}</p>}
      <SitePicker
        action="/officer/placements"
        sites={props.sites}
        current={siteId}
        allowAll
        keep={{ ...(month ? { month } : {}), ...(props.active ? { active: 'true' } : {}) }}
      />
      {siteId && (
        <p class="actions">
          <a href={`/api/v1/exports/placements?siteId=${siteId}`} download>
            {t('officer.exportExcel')}
          </a>
        </p>
      )}
      <TotalCount n={props.total} />
      <ItemList items={props.items} class="queue" id="placement-list" empty={t('officer.placements.none')}>
        {(p) => (
          <li key={p.id}>
            <h2 class="item-title">
              <a href={`/officer/residents/${p.residentId}`}>{p.residentName}</a>
            </h2>
            <p>
              <KindLabel kind={p.kind} /> · {p.employerName ?? '—'}
              {p.partnerCity ? ` · ${p.partnerCity}` : ''}
            </p>
            <p>
              {t('officer.placements.since', { date: p.startDate })}
              {p.endDate ? ` – ${p.endDate} (${p.endReason ?? ''})` : ` · ${t('officer.placements.active')}`}
            </p>
            {p.active && (
              <details>
                <summary>{t('officer.placements.end')}</summary>
                <Form action={`/officer/placements/${p.id}/end`} label={t('officer.placements.end')}>
                  <div class="field">
                    <label for={`end-${p.id}`}>{t('officer.placements.endDate')}</label>
                    <input id={`end-${p.id}`} type="date" name="endDate" value={today} required />
                  </div>
                  <div class="field">
                    <label for={`why-${p.id}`}>{t('officer.placements.endReason')}</label>
                    <input id={`why-${p.id}`} name="reason" maxLength={200} required />
                  </div>
                  <button type="submit" class="button">
                    {t('officer.placements.end')}
                  </button>
                </Form>
              </details>
            )}
          </li>
        )}
      </ItemList>
      <Pager
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        href={(p) => `/officer/placements?${keep ? `${keep}&` : ''}page=${p}`}
      />
    </OfficerPage>
  );
}

/** `/officer/follow-ups`: due follow-ups, the most overdue first, each with a record form. */
export function FollowUpsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  list: Page<FollowUpTaskDto>;
  failed?: { taskId: string; errors: FormErrors; values: FormValues };
}) {
  const { t } = useWeb();
  const { list, siteId } = props;
  const today = todayInPilotZone();
  return (
    <OfficerPage title="officer.followUps.title">
      <SitePicker action="/officer/follow-ups" sites={props.sites} current={siteId} allowAll />
      <TotalCount n={list.total} />
      <ItemList items={list.items} class="queue" empty={t('officer.followUps.none')}>
        {(task) => {
          const f = props.failed?.taskId === task.id ? props.failed : undefined;
          const v = f?.values ?? {};
          const id = (n: string) => `${n}-${task.id}`;
          return (
            <li key={task.id} class={task.dueDate < today ? 'at-risk' : undefined}>
              <h2 class="item-title">
                <a href={`/officer/residents/${task.residentId}`}>{task.residentName}</a>
              </h2>
              <p>
                {t('officer.followUps.due', { month: task.dueMonth, date: task.dueDate })} ·{' '}
                <KindLabel kind={task.kind} /> · {task.employerName ?? '—'}
              </p>
              <details open={!!f}>
                <summary>{t('officer.followUps.record')}</summary>
                <Form
                  action={`/officer/placements/${task.placementId}/follow-up`}
                  label={t('officer.followUps.record')}
                >
                  <input type="hidden" name="taskId" value={task.id} />
                  <div class={f?.errors.date ? 'field invalid' : 'field'}>
                    <label for={id('date')}>{t('officer.followUps.date')}</label>
                    <input id={id('date')} type="date" name="date" value={v.date ?? today} required />
                  </div>
                  <fieldset class="field">
                    <legend>{t('officer.followUps.stillEmployed')}</legend>
                    <label class="choice">
                      <input
                        type="radio"
                        name="stillEmployed"
                        value="true"
                        checked={v.stillEmployed !== 'false'}
                      />
                      <span>{t('officer.yes')}</span>
                    </label>
                    <label class="choice">
                      <input
                        type="radio"
                        name="stillEmployed"
                        value="false"
                        checked={v.stillEmployed === 'false'}
                      />
                      <span>{t('officer.no')}</span>
                    </label>
                  </fieldset>
                  <div class={f?.errors.monthlyIncome ? 'field invalid' : 'field'}>
                    <label for={id('income')}>{t('officer.followUps.income')}</label>
                    <input
                      id={id('income')}
                      name="monthlyIncome"
                      inputMode="decimal"
                      value={v.monthlyIncome ?? ''}
                      aria-invalid={f?.errors.monthlyIncome ? 'true' : undefined}
                    />
                  </div>
                  <div class="field">
                    <label for={id('note')}>{t('officer.followUps.note')}</label>
                    <input id={id('note')} name="note" maxLength={500} value={v.note ?? ''} />
                  </div>
                  {f && (
                    <p class="field-error" role="alert">
                      {t('form.fixErrors')}
                    </p>
                  )}
                  <button type="submit" class="button primary">
                    {t('officer.followUps.save')}
                  </button>
                </Form>
              </details>
            </li>
          );
        }}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={siteListHref('/officer/follow-ups', siteId)}
      />
    </OfficerPage>
  );
}

/** `/officer/notifications`: the inbox, unread first marked. */
export function NotificationsPage(props: { list: Page<NotificationDto> }) {
  const { t } = useWeb();
  const { list } = props;
  return (
    <OfficerPage title="officer.notifications.title">
      {list.items.some((n) => !n.readAt) && (
        <ActionButton action="/officer/notifications/read-all" text={t('officer.notifications.readAll')} />
      )}
      <ItemList items={list.items} class="queue" empty={t('officer.notifications.none')}>
        {(n) => (
          <li key={n.id} class={n.readAt ? undefined : 'unread'}>
            <h2 class="item-title">
              {!n.readAt && <span class="badge">{t('officer.notifications.new')}</span>} {n.title}
            </h2>
            <p>{n.body}</p>
            {officerNotificationHref(n) && (
              <p>
                <a href={officerNotificationHref(n)!}>{t('officer.notifications.open')}</a>
              </p>
            )}
            <p class="muted">{formatDateTime(n.createdAt)}</p>
          </li>
        )}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={(p) => `/officer/notifications?page=${p}`}
      />
    </OfficerPage>
  );
}

/** `/officer/employers`: employers in the officer's area waiting for verification. */
export function EmployersPage(props: {
  list: Page<EmployerDto>;
  notice?: string;
  /** The employer whose refusal had no usable reason. */
  errorFor?: string;
}) {
  const { t } = useWeb();
  const { list } = props;
  return (
    <OfficerPage title="officer.employers.title" notice={props.notice}>
      <p class="lead">{t('officer.employers.intro')}</p>
      <TotalCount n={list.total} />
      <ItemList items={list.items} class="queue" empty={t('officer.employers.none')}>
        {(e) => (
          <li key={e.id}>
            <h2 class="item-title">{e.name}</h2>
            <p class="mono">{e.creditCode}</p>
            <p>{e.address}</p>
            <ActionButton
              action={`/officer/employers/${e.id}/verify`}
              text={t('officer.employers.verify')}
              label={t('officer.employers.verify')}
              primary
            />
            <Form action={`/officer/employers/${e.id}/reject`} label={t('officer.employers.reject')}>
              {props.errorFor === e.id && <ErrorBanner text={t('officer.employers.reasonRequired')} />}
              <div class="field">
                <label for={`reason-${e.id}`}>{t('officer.employers.reason')}</label>
                <textarea id={`reason-${e.id}`} name="reason" maxLength={500} required />
              </div>
              <button type="submit" class="button">
                {t('officer.employers.reject')}
              </button>
            </Form>
          </li>
        )}
      </ItemList>
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={(p) => `/officer/employers?page=${p}`}
      />
    </OfficerPage>
  );
}

/** `/officer/import`: upload a roster (.xlsx or .csv) for a site. */
export function ImportPage(props: { sites: SiteOption[]; siteId?: string; error?: OfficerKey }) {
  const { t } = useWeb();
  return (
    <OfficerPage title="officer.import.title">
      <p class="lead">{t('officer.import.intro')}</p>
      <p>
        <a href="/api/v1/imports/roster/template" download>
          {t('officer.import.template')}
        </a>
      </p>
      {props.error && <ErrorBanner text={t(props.error)} />}
      <Form action="/officer/import" multipart>
        <div class="field">
          <label for="f-siteId">{t('officer.site')}</label>
          <select id="f-siteId" name="siteId" required>
            {props.sites.map((s) => (
              <option key={s.id} value={s.id} selected={s.id === props.siteId}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-file">{t('officer.import.file')}</label>
          <span class="hint" id="file-hint">
            {t('officer.import.fileHint')}
          </span>
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby="file-hint"
            required
          />
        </div>
        <button type="submit" class="button primary">
          {t('officer.import.submit')}
        </button>
      </Form>
    </OfficerPage>
  );
}

/**
 * `/officer/imports/:id`: progress of an import. Without JavaScript a reload link shows the
 * latest state; with it, app.js polls GET /api/v1/imports/:id (the session cookie signs the API
 * call in) and moves the bar, then reloads the page once the import has finished.
 */
export function ImportStatusPage(props: { imp: ImportDto; siteName: string }) {
  const { t } = useWeb();
  const i = props.imp;
  const finished = i.status === 'done' || i.status === 'failed';
  const STATUS: Record<string, OfficerKey> = {
    queued: 'officer.import.queued',
    running: 'officer.import.running',
    done: 'officer.import.done',
    failed: 'officer.import.failed',
  };
  return (
    <OfficerPage title="officer.import.statusTitle">
      <dl class="summary">
        <dt>{t('officer.import.file')}</dt>
        <dd>{i.fileName}</dd>
        <dt>{t('officer.site')}</dt>
        <dd>{props.siteName}</dd>
      </dl>
      <section
        class="import-progress"
        data-import-id={i.id}
        data-import-status={i.status}
        aria-labelledby="progress-label"
      >
        <label id="progress-label" for="import-bar">
          {t('officer.import.progress')}
        </label>
        <progress id="import-bar" max={100} value={i.progress}>
          {i.progress}%
        </progress>
        <p role="status" id="import-text">
          <span id="import-percent">{i.progress}%</span> ·{' '}
          <span id="import-status">{t(STATUS[i.status] ?? 'officer.import.running')}</span> ·{' '}
          <span id="import-rows">{t('officer.import.rows', { processed: i.processed, total: i.total })}</span>
        </p>
        {!finished && (
          <p>
            <a href={`/officer/imports/${i.id}`} id="import-reload">
              {t('officer.import.reload')}
            </a>
          </p>
        )}
      </section>
      {finished && (
        <>
          <dl class="figures">
            <div>
              <dt>{t('officer.import.created')}</dt>
              <dd>{i.created}</dd>
            </div>
            <div>
              <dt>{t('officer.import.updated')}</dt>
              <dd>{i.updated}</dd>
            </div>
            <div>
              <dt>{t('officer.import.unchanged')}</dt>
              <dd>{i.unchanged}</dd>
            </div>
            <div>
              <dt>{t('officer.import.failedRows')}</dt>
              <dd>{i.failed}</dd>
            </div>
          </dl>
          {i.message && <p class="field-error">{i.message}</p>}
          <h2>{t('officer.import.errors')}</h2>
          {i.errors.length === 0 ? (
            <p class="empty">{t('officer.import.noErrors')}</p>
          ) : (
            <ListTable
              id="import-errors"
              columns={['officer.import.row', 'officer.import.column', 'officer.import.problem']}
            >
              {i.errors.map((e, n) => (
                <tr key={n}>
                  <td>{e.row}</td>
                  <td>{e.field}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </ListTable>
          )}
          <p>
            <a class="button" href={`/officer/households?siteId=${i.siteId}`}>
              {t('officer.households.title')}
            </a>
          </p>
        </>
      )}
    </OfficerPage>
  );
}

/** `/officer/exports`: the three Excel files of a site. */
export function ExportsPage(props: { sites: SiteOption[]; siteId?: string }) {
  const { t } = useWeb();
  const { siteId } = props;
  const files: { path: string; label: OfficerKey }[] = [
    { path: 'placements', label: 'officer.exports.placements' },
    { path: 'zero-employment-households', label: 'officer.exports.zero' },
    { path: 'site-indicators', label: 'officer.exports.indicators' },
  ];
  return (
    <OfficerPage title="officer.exports.title">
      <p class="lead">{t('officer.exports.intro')}</p>
      <SitePicker action="/officer/exports" sites={props.sites} current={siteId} />
      {siteId ? (
        <ul class="downloads">
          {files.map((f) => (
            <li key={f.path}>
              <a class="button" href={`/api/v1/exports/${f.path}?siteId=${siteId}`} download>
                {t(f.label)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('officer.noSites')}</p>
      )}
    </OfficerPage>
  );
}
