import type { ComponentChildren } from 'preact';
import { formatDate } from '../../kernel/clock';
import { useDoneNotice } from '../components/done-notice';
import { Layout } from '../components/layout';
import { useWeb } from '../render';
import { OFFICER_DONE, type OfficerKey } from '../../i18n/officer/officer-messages';

/** A site the officer manages (the site picker of every list). */
export interface SiteOption {
  id: string;
  name: string;
}

/**
 * The officer's page frame: the layout, an <h1> and a notice — the one given, or the
 * confirmation of the action that redirected here (`?done=<code>`, OFFICER_DONE).
 */
export function OfficerPage(props: { title: OfficerKey; children: ComponentChildren; notice?: string }) {
  const { t } = useWeb();
  const done = useDoneNotice(OFFICER_DONE);
  return (
    <Layout title={t(props.title)} notice={props.notice ?? done}>
      <h1>{t(props.title)}</h1>
      {props.children}
    </Layout>
  );
}

/** A GET form choosing the site of the list (works without JavaScript). */
export function SitePicker(props: {
  action: string;
  sites: SiteOption[];
  current?: string;
  /** Other query fields to keep (e.g. zeroEmployment=true). */
  keep?: Record<string, string>;
  allowAll?: boolean;
}) {
  const { t } = useWeb();
  if (props.sites.length < 2 && !props.allowAll) return null;
  return (
    <form method="get" action={props.action} class="site-picker">
      {Object.entries(props.keep ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label for="f-siteId">{t('officer.site')}</label>
      <select id="f-siteId" name="siteId">
        {props.allowAll && <option value="">{t('officer.allSites')}</option>}
        {props.sites.map((s) => (
          <option key={s.id} value={s.id} selected={s.id === props.current}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit" class="button">
        {t('officer.show')}
      </button>
    </form>
  );
}

/** Previous / next links of a paged list. */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const { t } = useWeb();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages < 2) return null;
  return (
    <nav class="pager" aria-label={t('officer.pager')}>
      {props.page > 1 && <a href={props.href(props.page - 1)}>{t('officer.prev')}</a>}
      <span>{t('officer.pageOf', { page: props.page, pages })}</span>
      {props.page < pages && <a href={props.href(props.page + 1)}>{t('officer.next')}</a>}
    </nav>
  );
}

/** Days from a date to today (whole days). */
export function daysSince(d: Date | string | null): number | null {
  if (!d) return null;
  const ms = Date.now() - new Date(d).getTime();
  return Math.max(0, Math.floor(ms / 86_400_000));
}

export function isoDate(d: Date | string | null): string {
  if (!d) return '';
  return formatDate(d);
}
