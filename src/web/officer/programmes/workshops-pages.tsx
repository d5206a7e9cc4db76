import type {
  WorkshopDetailDto,
  WorkshopDto,
  WorkshopQuarterDto,
} from '../../../programmes/workshops/dto/workshop.dto';
import { WORKSHOP_TYPES } from '../../../programmes/workshops/workshop-rules';
import { useDoneNotice } from '../../components/done-notice';
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../components/form';
import { Layout } from '../../components/layout';
import type { MessageKey } from '../../../i18n/web/messages';
import { useWeb } from '../../render';

export interface SiteChoice {
  id: string;
  name: string;
}

const typeKey = (type: string) => `workshop.type.${type}` as MessageKey;
const stateKey = (state: string) => `workshop.state.${state}` as MessageKey;

/** The quarter's state in words: state, and why (buffer end, off-season, the rules not met). */
function QuarterState({ q, min, ins }: { q: WorkshopQuarterDto; min?: number; ins?: number }) {
  const { t } = useWeb();
  return (
    <>
      <p class={q.state === 'normal' ? undefined : 'warning'}>
        <strong class="workshop-state">{t(stateKey(q.state))}</strong>
        {q.bufferUntil ? ` · ${t('workshop.bufferUntil', { date: q.bufferUntil })}` : ''}
        {q.offSeason ? ` · ${t('workshop.offSeason')}` : ''}
      </p>
      {q.state !== 'normal' && min !== undefined && (
        <ul>
          {q.shortfalls.map((s) => (
            <li key={s}>
              {t(`workshop.shortfall.${s}` as MessageKey, { min: s === 'insurance' ? (ins ?? '') : min })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** GET /officer/programmes/workshops?siteId=: the register of one site, each with this quarter's state. */
export function WorkshopsListPage(props: {
  sites: SiteChoice[];
  siteId: string | null;
  items: WorkshopDto[];
}) {
  const { t } = useWeb();
  const notice = useDoneNotice({});
  return (
    <Layout title={t('workshop.title')} notice={notice}>
      <h1>{t('workshop.title')}</h1>
      {props.sites.length === 0 ? (
        <p class="empty">{t('workshop.noSites')}</p>
      ) : (
        <>
          {props.sites.length > 1 && (
            <form method="get" action="/officer/programmes/workshops" class="stack">
              <SelectField
                name="siteId"
                label={t('workshop.site')}
                options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
                values={{ siteId: props.siteId ?? '' }}
              />
              <button type="submit" class="button">
                {t('workshop.site.show')}
              </button>
            </form>
          )}
          <p>
            <a class="button primary" href={`/officer/programmes/workshops/new?siteId=${props.siteId ?? ''}`}>
              {t('workshop.new')}
            </a>
          </p>
          {props.items.length === 0 ? (
            <p class="empty">{t('workshop.none')}</p>
          ) : (
            <>
              <p>{t('workshop.count', { n: props.items.length })}</p>
              <ul class="cards" id="workshops">
                {props.items.map((w) => (
                  <li key={w.id} class="card">
                    <h2>
                      <a href={`/officer/programmes/workshops/${w.id}`}>{w.employerName}</a>
                    </h2>
                    <p>
                      {t(typeKey(w.type))} ·{' '}
                      {t('workshop.quarter', { year: w.quarter.year, quarter: w.quarter.quarter })}
                    </p>
                    <p>
                      {t('workshop.workers', { n: w.quarter.workers, supported: w.quarter.supportedWorkers })}
                    </p>
                    <QuarterState q={w.quarter} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

/** GET /officer/programmes/workshops/new: the register form; a failed POST re-renders it with what was typed. */
export function WorkshopFormPage(props: {
  sites: SiteChoice[];
  employers: { id: string; name: string }[];
  values: FormValues;
  months: number[];
  errors: FormErrors;
}) {
  const { t } = useWeb();
  const { values, errors } = props;
  const monthsError = errors.seasonalMonths;
  return (
    <Layout title={t('workshop.new')}>
      <h1>{t('workshop.new')}</h1>
      <p>
        <a href={`/officer/programmes/workshops${values.siteId ? `?siteId=${values.siteId}` : ''}`}>
          {t('workshop.back')}
        </a>
      </p>
      {props.employers.length === 0 && <p class="warning">{t('workshop.noEmployers')}</p>}
      <ErrorSummary errors={errors} />
      <Form action="/officer/programmes/workshops" class="stack">
        <SelectField
          name="employerId"
          label={t('workshop.field.employerId')}
          hint={t('workshop.field.employerId.hint')}
          placeholder={t('workshop.field.employerId.choose')}
          options={props.employers.map((e) => ({ value: e.id, label: e.name }))}
          values={values}
          errors={errors}
          required
        />
        <SelectField
          name="siteId"
          label={t('workshop.field.siteId')}
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          values={values}
          errors={errors}
          required
        />
        <SelectField
          name="type"
          label={t('workshop.field.type')}
          placeholder={t('workshop.field.employerId.choose')}
          options={WORKSHOP_TYPES.map((v) => ({ value: v, label: t(typeKey(v)) }))}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="recognisedOn"
          type="date"
          label={t('workshop.field.recognisedOn')}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="documentNo"
          label={`${t('workshop.field.documentNo')}（${t('form.optional')}）`}
          values={values}
          errors={errors}
          maxLength={100}
        />
        <TextField
          name="capacity"
          type="number"
          inputMode="numeric"
          label={`${t('workshop.field.capacity')}（${t('form.optional')}）`}
          values={values}
          errors={errors}
        />
        <TextField
          name="insuranceYuanPerWorkerMonth"
          inputMode="decimal"
          label={`${t('workshop.field.insurance')}（${t('form.optional')}）`}
          hint={t('workshop.field.insurance.hint')}
          values={values}
          errors={errors}
        />
        <fieldset
          class={monthsError ? 'field invalid' : 'field'}
          aria-describedby={monthsError ? 'seasonalMonths-hint seasonalMonths-error' : 'seasonalMonths-hint'}
        >
          <legend>{`${t('workshop.field.seasonalMonths')}（${t('form.optional')}）`}</legend>
          <span class="hint" id="seasonalMonths-hint">
            {t('workshop.field.seasonalMonths.hint')}
          </span>
          {monthsError && (
            <span class="field-error" id="seasonalMonths-error">
              {t(monthsError)}
            </span>
          )}
          <div class="checks">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <label class="choice" key={m}>
                <input
                  type="checkbox"
                  name="seasonalMonths"
                  value={String(m)}
                  checked={props.months.includes(m)}
                />
                <span>{t('workshop.month', { m })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SubmitButton>{t('workshop.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

const CHECK_KEY: Record<string, MessageKey> = {
  true: 'workshop.upgrade.met',
  false: 'workshop.upgrade.notMet',
  null: 'workshop.upgrade.unknown',
};

/** GET /officer/programmes/workshops/:id: the registration, this quarter's figures and state, the upgrade checklist. */
export function WorkshopPage({ w }: { w: WorkshopDetailDto }) {
  const { t } = useWeb();
  const notice = useDoneNotice({ registered: 'workshop.done.registered' });
  const q = w.quarter;
  const r = w.rules;
  return (
    <Layout title={w.employerName} notice={notice}>
      <h1>{w.employerName}</h1>
      <p>
        <a href={`/officer/programmes/workshops?siteId=${w.siteId}`}>{t('workshop.back')}</a>
      </p>
      <h2>
        {t('workshop.quarter', { year: q.year, quarter: q.quarter })} · {t('workshop.asOf', { date: q.asOf })}
      </h2>
      <QuarterState q={q} min={r.minSupportedWorkers} ins={r.minInsuranceYuanPerWorkerMonth} />
      <p>{t('workshop.workers', { n: q.workers, supported: q.supportedWorkers })}</p>
      <dl class="summary">
        <dt>{t('workshop.monthsWorked')}</dt>
        <dd>{t('workshop.monthsWorked.value', { n: q.monthsWorked })}</dd>
        <dt>{t('workshop.wages')}</dt>
        <dd>{t('workshop.wages.value', { yuan: q.wagesYuan })}</dd>
      </dl>
      {q.workersWithoutWage > 0 && (
        <p class="muted">{t('workshop.withoutWage', { n: q.workersWithoutWage })}</p>
      )}
      <p class="muted">
        {t('workshop.rules', {
          min: r.minSupportedWorkers,
          ins: r.minInsuranceYuanPerWorkerMonth,
          months: r.bufferMonths,
        })}
      </p>

      <h2>{t('workshop.upgrade')}</h2>
      <ul class="facts" id="upgrade-checklist">
        {w.upgrade.map((u) => (
          <li key={u.item} class={u.met ? 'yes' : undefined}>
            {t(`workshop.upgrade.${u.item}` as MessageKey, {
              actual: u.actual ?? '',
              required: u.required,
              months: r.upgrade.minContractMonths,
              yuan: r.upgrade.minYearlyWagesYuan,
            })}{' '}
            · <strong>{t(CHECK_KEY[String(u.met)])}</strong>
          </li>
        ))}
      </ul>

      <h2>{t('workshop.facts')}</h2>
      <dl class="summary">
        <dt>{t('workshop.field.type')}</dt>
        <dd>{t(typeKey(w.type))}</dd>
        <dt>{t('workshop.recognised')}</dt>
        <dd>{w.recognisedOn}</dd>
        <dt>{t('workshop.documentNo')}</dt>
        <dd>{w.documentNo ?? t('workshop.notRecorded')}</dd>
        <dt>{t('workshop.capacity')}</dt>
        <dd>{w.capacity ?? t('workshop.notRecorded')}</dd>
        <dt>{t('workshop.insurance')}</dt>
        <dd>
          {w.insuranceYuanPerWorkerMonth === null
            ? t('workshop.notRecorded')
            : t('workshop.insurance.value', { yuan: w.insuranceYuanPerWorkerMonth })}
        </dd>
        <dt>{t('workshop.season')}</dt>
        <dd>
          {w.seasonalMonths?.length
            ? w.seasonalMonths.map((m) => t('workshop.month', { m })).join('、')
            : t('workshop.allYear')}
        </dd>
      </dl>

      {w.history.length > 0 && (
        <>
          <h2>{t('workshop.history')}</h2>
          <ul id="workshop-history">
            {w.history.map((h) => (
              <li key={`${h.year}-${h.quarter}`}>
                {t('workshop.history.row', {
                  period: t('workshop.quarter', { year: h.year, quarter: h.quarter }),
                  workers: h.workers,
                  supported: h.supportedWorkers,
                  state: t(stateKey(h.state)),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
