import type { ImportDto } from '../../../imports/dto/import.dto';
import { useWeb } from '../../render';
import { OfficerPage } from '../officer-layout';
import { ListTable } from '../officer-lists';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

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
