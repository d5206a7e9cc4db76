import type { HouseholdDto } from '../../residents/dto/household.dto';
import type { ResidentSummaryDto } from '../../residents/dto/resident.dto';
import type { HouseholdLabel } from '../../residents/household-head';
import type { Page } from '../../common/pagination';
import { ItemList } from '../components/item-list';
import { useWeb } from '../render';
import { daysSince, isoDate, OfficerPage, Pager, SitePicker, type SiteOption } from './officer-layout';
import { ListTable, siteListHref, TotalCount } from './officer-lists';
import type { OfficerKey } from './officer-messages';

const MONITORING: Record<string, OfficerKey> = {
  none: 'officer.monitoring.none',
  unstable: 'officer.monitoring.unstable',
  marginal: 'officer.monitoring.marginal',
  hardship: 'officer.monitoring.hardship',
};
const EMPLOYMENT: Record<string, OfficerKey> = {
  employed: 'officer.employment.employed',
  unemployed: 'officer.employment.unemployed',
  not_seeking: 'officer.employment.not_seeking',
  student: 'officer.employment.student',
  retired: 'officer.employment.retired',
};

export function MonitoringLabel({ status }: { status: string }) {
  const { t } = useWeb();
  return <>{MONITORING[status] ? t(MONITORING[status]) : status}</>;
}
export function EmploymentLabel({ status }: { status: string }) {
  const { t } = useWeb();
  return <>{EMPLOYMENT[status] ? t(EMPLOYMENT[status]) : status}</>;
}

/**
 * How officers name a household: its site number and its head (「12 号 · 张三家」). The label
 * comes only from HouseholdsService.labelsOf (officers in scope); without one, the number is
 * unknown and the page says just 「家庭」.
 */
export function HouseholdName({ label }: { label: HouseholdLabel | undefined }) {
  const { t } = useWeb();
  if (!label) return <>{t('officer.household.title')}</>;
  return (
    <>
      {label.headName
        ? t('officer.household.label', { number: label.number, head: label.headName })
        : t('officer.household.labelNoHead', { number: label.number })}
    </>
  );
}

/** Residents with their masked national IDs and employment (a household's members, a site's residents). */
function ResidentTable({ residents }: { residents: ResidentSummaryDto[] }) {
  return (
    <ListTable
      columns={['officer.resident.name', 'officer.resident.nationalId', 'officer.resident.employment']}
    >
      {residents.map((m) => (
        <tr key={m.id}>
          <td>
            <a href={`/officer/residents/${m.id}`}>{m.name}</a>
          </td>
          <td class="mono">{m.nationalIdMasked ?? '—'}</td>
          <td>
            <EmploymentLabel status={m.employmentStatus} />
          </td>
        </tr>
      ))}
    </ListTable>
  );
}

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

/** `/officer/households/:id`: the members with masked national IDs and their employment. */
export function HouseholdPage(props: {
  household: HouseholdDto;
  label: HouseholdLabel | undefined;
  siteName: string;
  /** The origin region's name path (文斗镇 · 利川市 …); the code when it is unknown. */
  originName: string;
  members: ResidentSummaryDto[];
}) {
  const { t } = useWeb();
  const h = props.household;
  return (
    <OfficerPage title="officer.household.title">
      <p class="lead" id="household-name">
        <HouseholdName label={props.label} />
      </p>
      <dl class="summary">
        <dt>{t('officer.household.number')}</dt>
        <dd>{props.label?.number ?? '—'}</dd>
        <dt>{t('officer.household.head')}</dt>
        <dd>{props.label?.headName ?? '—'}</dd>
        <dt>{t('officer.site')}</dt>
        <dd>{props.siteName}</dd>
        <dt>{t('officer.household.originName')}</dt>
        <dd>{props.originName}</dd>
        <dt>{t('officer.household.monitoring')}</dt>
        <dd>
          <MonitoringLabel status={h.monitoringStatus} />
        </dd>
        <dt>{t('officer.household.work')}</dt>
        <dd>
          {t('officer.household.members', { employed: h.employedMembers, capable: h.laborCapableMembers })}
        </dd>
        {h.atRiskSince && (
          <>
            <dt>{t('officer.household.risk')}</dt>
            <dd class="risk">
              {t('officer.household.atRiskSince', {
                date: isoDate(h.atRiskSince),
                days: daysSince(h.atRiskSince) ?? 0,
              })}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('officer.household.membersTitle')}</h2>
      <ResidentTable residents={props.members} />
    </OfficerPage>
  );
}

/** `/officer/residents`: residents of a site (the list behind the employment rate). */
export function ResidentsPage(props: {
  sites: SiteOption[];
  siteId?: string;
  list: Page<ResidentSummaryDto>;
}) {
  const { list, siteId } = props;
  return (
    <OfficerPage title="officer.residents.title">
      <SitePicker action="/officer/residents" sites={props.sites} current={siteId} allowAll />
      <TotalCount n={list.total} />
      <ResidentTable residents={list.items} />
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        href={siteListHref('/officer/residents', siteId)}
      />
    </OfficerPage>
  );
}
