import type { ComponentChildren } from 'preact';
import { INDUSTRIES, SCHEDULES } from '../../kernel/domain-enums';
import { TRAVEL_BANDS } from '../../commute/commute-text';
import { SelectField, TextField } from '../components/form';
import { useWeb } from '../render';
import { IndustryTag } from '../components/industry-tag';
import { JobItem, type JobItemView } from './job-item';
import { jobsHref, type JobsParams } from './jobs-search';
import { CHIP_INDUSTRIES, INDUSTRY_ICON, industryLabel, scheduleLabel } from '../components/labels';

/** The resident's site, when the search measures travel times from it. */
export interface NearSite {
  name: string;
  /** The resident's own limit (maxCommuteMinutes, or their km converted, or the default). */
  minutes: number;
}

/** A site a visitor may pick. */
export interface SiteChoice {
  id: string;
  name: string;
}

/** For a visitor (no resident record): the sites, and the one chosen (from the cookie). */
export interface SitePickerProps {
  sites: SiteChoice[];
  chosen: SiteChoice | null;
}

/**
 * 「您住哪个安置点？」: a GET form, so it works without JavaScript; the page remembers the choice
 * in a cookie and shows each job's distance from that site.
 */
export function SitePicker({ sites, chosen, action }: SitePickerProps & { action: string }) {
  const { t } = useWeb();
  if (!sites.length) return null;
  return (
    <form method="get" action={action} class="stack site-pick">
      <SelectField
        name="site"
        label={t('jobs.site.label')}
        hint={chosen ? t('jobs.site.chosen', { site: chosen.name }) : t('jobs.site.hint')}
        placeholder={t('jobs.site.any')}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        values={{ site: chosen?.id }}
      />
      <button type="submit" class="button">
        {t('jobs.site.choose')}
      </button>
    </form>
  );
}

export function JobList({ jobs }: { jobs: JobItemView[] }) {
  return (
    <ul class="cards">
      {jobs.map((j) => (
        <JobItem key={j.id} job={j} />
      ))}
    </ul>
  );
}

/** The search box (GET /jobs); the current filters ride along as hidden fields. */
export function SearchForm({ p }: { p: JobsParams }) {
  const { t } = useWeb();
  return (
    <form method="get" action="/jobs" role="search" class="stack search">
      <TextField
        name="q"
        type="search"
        label={t('jobs.searchLabel')}
        hint={t('jobs.searchHint')}
        maxLength={100}
        values={{ q: p.q }}
      />
      {p.industry && <input type="hidden" name="industry" value={p.industry} />}
      {p.schedule && <input type="hidden" name="schedule" value={p.schedule} />}
      {p.wageMin !== undefined && <input type="hidden" name="wageMin" value={String(p.wageMin)} />}
      {p.shuttle && <input type="hidden" name="shuttle" value="1" />}
      {p.accommodation && <input type="hidden" name="accommodation" value="1" />}
      {!p.near && <input type="hidden" name="near" value="0" />}
      {p.travel && <input type="hidden" name="travel" value={String(p.travel)} />}
      <button type="submit" class="button primary">
        {t('jobs.searchButton')}
      </button>
    </form>
  );
}

function Chip({ on, href, children }: { on: boolean; href: string; children: ComponentChildren }) {
  return (
    <li>
      <a class={on ? 'chip on' : 'chip'} href={href}>
        {on && (
          <span class="tick" aria-hidden="true">
            ✓{' '}
          </span>
        )}
        {children}
      </a>
    </li>
  );
}

/**
 * Filters as chips: one tap turns each on or off (plain links, no script). From a site, the travel
 * bands 「30 分钟以内」「1 小时以内」 are chips too; a band wins over 离家近 (the resident's own limit).
 */
export function FilterChips({ p, site, bands }: { p: JobsParams; site?: NearSite | null; bands: boolean }) {
  const { t } = useWeb();
  const industries =
    p.industry && !CHIP_INDUSTRIES.includes(p.industry) ? [p.industry, ...CHIP_INDUSTRIES] : CHIP_INDUSTRIES;
  return (
    <section aria-label={t('jobs.filters')}>
      <ul class="chips">
        {site && (
          <Chip
            on={p.near && !p.travel}
            href={jobsHref(p, { near: !(p.near && !p.travel), travel: undefined })}
          >
            {t('jobs.near')}
          </Chip>
        )}
        {bands &&
          TRAVEL_BANDS.map((b) => (
            <Chip key={b} on={p.travel === b} href={jobsHref(p, { travel: p.travel === b ? undefined : b })}>
              {t(`commute.band.${b}`)}
            </Chip>
          ))}
        <Chip on={p.shuttle} href={jobsHref(p, { shuttle: !p.shuttle })}>
          {t('jobs.shuttle')}
        </Chip>
        <Chip on={p.accommodation} href={jobsHref(p, { accommodation: !p.accommodation })}>
          {t('jobs.accommodation')}
        </Chip>
        {p.schedule && (
          <Chip on href={jobsHref(p, { schedule: undefined })}>
            {t(scheduleLabel(p.schedule))}
          </Chip>
        )}
        {p.wageMin !== undefined && (
          <Chip on href={jobsHref(p, { wageMin: undefined })}>
            {`${t('jobs.wageAtLeast')} ${p.wageMin}`}
          </Chip>
        )}
        {industries.map((i) => (
          <Chip
            key={i}
            on={p.industry === i}
            href={jobsHref(p, { industry: p.industry === i ? undefined : i })}
          >
            <IndustryTag industry={i} />
          </Chip>
        ))}
      </ul>
      <details class="more" open={p.wageInvalid !== undefined}>
        <summary>{t('jobs.moreFilters')}</summary>
        <form method="get" action="/jobs" class="stack">
          {p.q && <input type="hidden" name="q" value={p.q} />}
          {p.shuttle && <input type="hidden" name="shuttle" value="1" />}
          {p.accommodation && <input type="hidden" name="accommodation" value="1" />}
          {!p.near && <input type="hidden" name="near" value="0" />}
          {p.travel && <input type="hidden" name="travel" value={String(p.travel)} />}
          <SelectField
            name="industry"
            label={t('jobs.industry')}
            placeholder={t('jobs.anyIndustry')}
            options={INDUSTRIES.map((i) => ({
              value: i,
              label: `${INDUSTRY_ICON[i]} ${t(industryLabel(i))}`,
            }))}
            values={{ industry: p.industry }}
          />
          <SelectField
            name="schedule"
            label={t('jobs.schedule')}
            placeholder={t('jobs.anySchedule')}
            options={SCHEDULES.map((s) => ({ value: s, label: t(scheduleLabel(s)) }))}
            values={{ schedule: p.schedule }}
          />
          <TextField
            name="wageMin"
            type="number"
            inputMode="numeric"
            label={t('jobs.wageAtLeast')}
            hint={t('jobs.wageHint')}
            values={{ wageMin: p.wageInvalid ?? (p.wageMin !== undefined ? String(p.wageMin) : '') }}
            errors={p.wageInvalid !== undefined ? { wageMin: 'jobs.wageInvalid' } : undefined}
          />
          <button type="submit" class="button">
            {t('jobs.applyFilters')}
          </button>
        </form>
      </details>
    </section>
  );
}
