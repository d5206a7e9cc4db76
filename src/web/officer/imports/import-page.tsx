import { ErrorBanner, Form } from '../../components/form';
import { useWeb } from '../../render';
import { OfficerPage, type SiteOption } from '../officer-layout';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

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
