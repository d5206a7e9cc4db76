import type { ComponentChildren } from 'preact';
import { useWeb } from '../render';
import type { OfficerKey } from '../../i18n/officer/officer-messages';

/** The number of items behind a paged list ("共 N 条"). */
export function TotalCount({ n }: { n: number }) {
  const { t } = useWeb();
  return <p class="count">{t('officer.total', { n })}</p>;
}

/** The pager's links of a list that may be narrowed to one site. */
export function siteListHref(path: string, siteId: string | undefined): (page: number) => string {
  return (page) => `${path}?${siteId ? `siteId=${siteId}&` : ''}page=${page}`;
}

/** A table of the officer's pages: a header row of column names, then the given rows. */
export function ListTable(props: { columns: OfficerKey[]; id?: string; children: ComponentChildren }) {
  const { t } = useWeb();
  return (
    <table class="list" id={props.id}>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c} scope="col">
              {t(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
