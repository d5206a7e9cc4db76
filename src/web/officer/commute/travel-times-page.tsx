import { formatDateTime } from '../../../kernel/clock';
import type { TravelTimeDto } from '../../../commute/dto/travel-time.dto';
import { RECORDED_SOURCES, TRAVEL_MODES } from '../../../commute/travel-trip';
import {
  ActionButton,
  ErrorSummary,
  Form,
  RadioField,
  SelectField,
  SubmitButton,
  TextField,
  type FormErrors,
  type FormValues,
  type Option,
} from '../../components/form';
import { CoordinateFields } from '../../components/coordinate-fields';
import { Layout } from '../../components/layout';
import { useWeb } from '../../render';
import type { SiteOption } from '../officer-layout';

export interface TravelTimesPageProps {
  site: SiteOption;
  sites: SiteOption[];
  rows: TravelTimeDto[];
  employers: Option[];
  values?: FormValues;
  /** Ticked weekdays of the add form (kept on failure). */
  days?: string[];
  errors?: FormErrors;
  /** The import's refusals, already in words (第 3 行「单程分钟」：…). */
  importErrors?: string[];
  notice?: string;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function daysWords(days: number[] | null, t: ReturnType<typeof useWeb>['t']): string {
  if (!days) return t('commute.days.every');
  return days.map((d) => t(`commute.day.${d as (typeof DAYS)[number]}`)).join('、');
}

/**
 * `/officer/sites/:id/travel-times`: the site's recorded ways, one card each (a table of nine
 * columns does not fit a phone), the add form below, the Excel round trip last. No JavaScript.
 */
export function TravelTimesPage(p: TravelTimesPageProps) {
  const { t } = useWeb();
  const v = p.values ?? { source: 'measured', mode: 'bus' };
  const errors = p.errors ?? {};
  const ticked = new Set(p.days ?? []);
  const title = t('commute.page.title', { site: p.site.name });
  const base = `/officer/sites/${p.site.id}/travel-times`;
  return (
    <Layout title={title} notice={p.notice}>
      <h1>{title}</h1>
      <p class="lead">{t('commute.page.intro')}</p>
      {p.sites.length > 1 && (
        <form method="get" action="/officer/travel-times" class="site-picker">
          <label for="f-siteId">{t('commute.page.sites')}</label>
          <select id="f-siteId" name="siteId">
            {p.sites.map((s) => (
              <option key={s.id} value={s.id} selected={s.id === p.site.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" class="button">
            {t('officer.show')}
          </button>
        </form>
      )}

      {p.rows.length === 0 ? (
        <p class="empty">{t('commute.page.none')}</p>
      ) : (
        <ul class="cards" id="travel-times">
          {p.rows.map((r) => (
            <li key={r.id} class="card">
              <h2>
                {r.destinationName ? `${r.destinationName} ` : ''}
                {r.destinationRegionCode ?? ''}
                {r.destinationRegionCode && r.placeName ? ' · ' : ''}
                {r.placeName ?? ''}
              </h2>
              <p>
                <strong>
                  {t(`commute.mode.${r.mode}`)} · {r.minutes} {t('commute.page.minutesUnit')}
                </strong>{' '}
                ({t(`commute.source.${r.source}`)})
                {r.employerName && ` · ${t('commute.page.employerShuttle')}：${r.employerName}`}
              </p>
              {r.fare !== null && (
                <p>
                  {t('commute.page.fare')}：{r.fare}
                </p>
              )}
              <p>
                {t('commute.page.times')}：{r.firstDeparture ?? '—'} / {r.lastReturn ?? '—'}
              </p>
              <p>
                {t('commute.page.days')}：{daysWords(r.days, t)}
              </p>
              <p class="hint">
                {t('commute.page.recorded')}：{r.recordedByName ?? r.note ?? '—'} ·{' '}
                {formatDateTime(new Date(r.recordedAt))}
              </p>
              <ActionButton
                action={`${base}/${r.id}/delete`}
                text={t('commute.page.delete')}
                label={`${t('commute.page.delete')} ${r.destinationRegionCode ?? r.placeName ?? ''} ${t(`commute.mode.${r.mode}`)}`}
              />
            </li>
          ))}
        </ul>
      )}

      <h2 id="add">{t('commute.page.addTitle')}</h2>
      <ErrorSummary errors={errors} />
      <Form action={base} label={t('commute.page.addTitle')}>
        <TextField
          name="destinationRegionCode"
          label={t('commute.page.regionCode')}
          hint={t('commute.page.regionCodeHint')}
          inputMode="numeric"
          maxLength={12}
          values={v}
          errors={errors}
        />
        <TextField
          name="placeName"
          label={t('commute.page.placeName')}
          hint={t('commute.page.placeNameHint')}
          maxLength={100}
          values={v}
          errors={errors}
        />
        <CoordinateFields
          latitudeLabel={t('commute.page.latitude')}
          longitudeLabel={t('commute.page.longitude')}
          values={v}
          errors={errors}
        />
        <SelectField
          name="mode"
          label={t('commute.page.mode')}
          options={TRAVEL_MODES.map((m) => ({ value: m, label: t(`commute.mode.${m}`) }))}
          required
          values={v}
          errors={errors}
        />
        <TextField
          name="minutes"
          label={t('commute.page.minutes')}
          inputMode="numeric"
          required
          maxLength={3}
          values={v}
          errors={errors}
        />
        <TextField
          name="fare"
          label={t('commute.page.fare')}
          inputMode="decimal"
          values={v}
          errors={errors}
        />
        <TextField
          name="firstDeparture"
          label={t('commute.page.firstDeparture')}
          hint={t('commute.page.timeHint')}
          maxLength={5}
          values={v}
          errors={errors}
        />
        <TextField
          name="lastReturn"
          label={t('commute.page.lastReturn')}
          hint={t('commute.page.timeHint')}
          maxLength={5}
          values={v}
          errors={errors}
        />
        <fieldset class={errors.days ? 'field invalid' : 'field'} aria-describedby="days-hint">
          <legend>{t('commute.page.days')}</legend>
          <span class="hint" id="days-hint">
            {t('commute.page.daysHint')}
          </span>
          {errors.days && <span class="field-error">{t(errors.days)}</span>}
          <div class="checks">
            {DAYS.map((d) => (
              <label class="choice" key={d}>
                <input type="checkbox" name="days" value={String(d)} checked={ticked.has(String(d))} />
                <span>{t(`commute.day.${d}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <RadioField
          name="source"
          label={t('commute.page.source')}
          options={RECORDED_SOURCES.map((s) => ({ value: s, label: t(`commute.source.${s}`) }))}
          required
          values={v}
          errors={errors}
        />
        <SelectField
          name="employerId"
          label={t('commute.page.employerId')}
          hint={t('commute.page.employerIdHint')}
          placeholder={t('commute.page.noEmployer')}
          options={p.employers}
          values={v}
          errors={errors}
        />
        <SubmitButton>{t('commute.page.submit')}</SubmitButton>
      </Form>

      <h2 id="excel">{t('commute.page.excelTitle')}</h2>
      <p>
        <a class="button" href={`/api/v1/sites/${p.site.id}/travel-times.xlsx`} download>
          {t('commute.page.download')}
        </a>
      </p>
      {p.importErrors && p.importErrors.length > 0 && (
        <div class="error-summary" role="alert" id="import-errors">
          <p>{t('commute.page.importFailed')}</p>
          <ul>
            {p.importErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <Form action={`${base}/import`} multipart label={t('commute.page.upload')}>
        <div class="field">
          <label for="f-file">{t('commute.page.upload')}</label>
          <span class="hint" id="file-hint">
            {t('commute.page.uploadHint')}
          </span>
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
            required
          />
        </div>
        <button type="submit" class="button">
          {t('commute.page.uploadSubmit')}
        </button>
      </Form>
      <p>
        <a href="/officer">{t('commute.page.back')}</a>
      </p>
    </Layout>
  );
}
