import { useWeb } from '../../render';
import { OfficerPage, SitePicker, type SiteOption } from '../officer-layout';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

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
