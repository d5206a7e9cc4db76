import type { MessageKey } from '../../../i18n/web/messages';
import { useWeb } from '../../render';

export const BASE = '/officer/programmes/cooperation';

/** A form's failure: the field (its label key), or the words of a conflict. */
export interface PageError {
  field?: MessageKey;
  /** The words of a refusal (409) that names no field. */
  conflict?: MessageKey;
}

/** What was typed into a form, sent back when it fails. */
export type TypedValues = Record<string, string | undefined>;

export function ErrorLine({ error }: { error?: PageError }) {
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
