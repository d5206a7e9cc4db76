import type { Page } from '../../../kernel/pagination';
import type { HouseholdDto } from '../../../residents/dto/household.dto';
import type { HouseholdLabel } from '../../../residents/household-head';
import { ItemList } from '../../components/item-list';
import { useWeb } from '../../render';
import { daysSince, isoDate, OfficerPage, Pager, SitePicker, type SiteOption } from '../officer-layout';
import { TotalCount } from '../officer-lists';
import { HouseholdName, MonitoringLabel } from './household-labels';

/**
 * `/officer/households`: with zeroEmployment=true the work queue — households with labour and
 * no one at work, monitored households first, then the longest at risk.
 */
export function HouseholdsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  zeroEmployment: boolean;
  list: Page<HouseholdDto>;
  siteNames: Map<string, string>;
  labels: Map<string, HouseholdLabel>;
}) {
  const { t } = useWeb();
  const { list, siteId, zeroEmployment } = props;
  const query = (page: number) =>
    `/officer/households?${[
      siteId ? `siteId=${siteId}` : '',
      zeroEmployment ? 'zeroEmployment=true' : '',
      `page=${page}`,
    ]
      .filter(Boolean)
      .join('&')}`;
  return (
    <OfficerPage title={zeroEmployment ? 'officer.households.zeroTitle' : 'officer.households.title'}>
      <p class="lead">{t(zeroEmployment ? 'officer.households.zeroIntro' : 'officer.households.intro')}</p>
      <SitePicker
        action="/officer/households"
        sites={props.sites}
        current={siteId}
        allowAll
        keep={zeroEmployment ? { zeroEmployment: 'true' } : {}}
      />
      <p class="actions">
        {zeroEmployment ? (
          <a href={`/officer/households${siteId ? `?siteId=${siteId}` : ''}`}>
            {t('officer.households.all')}
          </a>
        ) : (
          <a href={`/officer/households?${siteId ? `siteId=${siteId}&` : ''}zeroEmployment=true`}>
            {t('officer.households.onlyZero')}
          </a>
        )}
        {zeroEmployment && siteId && (
          <>
            {' · '}
            <a href={`/api/v1/exports/zero-employment-households?siteId=${siteId}`} download>
              {t('officer.exportExcel')}
            </a>
          </>
        )}
      </p>
      <TotalCount n={list.total} />
      <ItemList
        items={list.items}
        class="queue"
        id="household-list"
        empty={t(zeroEmployment ? 'officer.households.noneZero' : 'officer.households.none')}
      >
        {(h) => (
          <li key={h.id} class={h.zeroEmployment ? 'at-risk' : undefined}>
            <a href={`/officer/households/${h.id}`}>
              <HouseholdName label={props.labels.get(h.id)} />
            </a>
            <span class="muted"> · {props.siteNames.get(h.siteId) ?? ''}</span>
            <div>
              {t('officer.household.members', {
                employed: h.employedMembers,
                capable: h.laborCapableMembers,
              })}
              {' · '}
              <MonitoringLabel status={h.monitoringStatus} />
            </div>
            {h.atRiskSince && (
              <div class="risk">
                {t('officer.household.atRiskSince', {
                  date: isoDate(h.atRiskSince),
                  days: daysSince(h.atRiskSince) ?? 0,
                })}
              </div>
            )}
          </li>
        )}
      </ItemList>
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} href={query} />
    </OfficerPage>
  );
}
