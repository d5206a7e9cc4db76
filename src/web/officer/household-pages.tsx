import type { HouseholdDto } from '../../residents/dto/household.dto';
import type { ResidentDto, ResidentSummaryDto } from '../../residents/dto/resident.dto';
import type { PlacementDto } from '../../placements/dto/placement.dto';
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
const CAPACITY: Record<string, OfficerKey> = {
  full: 'officer.capacity.full',
  partial: 'officer.capacity.partial',
  none: 'officer.capacity.none',
};

export function MonitoringLabel({ status }: { status: string }) {
  const { t } = useWeb();
  return <>{MONITORING[status] ? t(MONITORING[status]) : status}</>;
}
export function EmploymentLabel({ status }: { status: string }) {
  const { t } = useWeb();
  return <>{EMPLOYMENT[status] ? t(EMPLOYMENT[status]) : status}</>;
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
              {t('officer.household.name', { code: h.id.slice(0, 8) })}
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
  siteName: string;
  members: ResidentSummaryDto[];
}) {
  const { t } = useWeb();
  const h = props.household;
  return (
    <OfficerPage title="officer.household.title">
      <dl class="summary">
        <dt>{t('officer.site')}</dt>
        <dd>{props.siteName}</dd>
        <dt>{t('officer.household.origin')}</dt>
        <dd>{h.originRegionCode}</dd>
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

/** `/officer/residents/:id`: the record, national ID and phone masked (the read is audited). */
export function ResidentPage(props: {
  resident: ResidentDto;
  placements: PlacementDto[];
  skillNames: Map<string, string>;
}) {
  const { t } = useWeb();
  const r = props.resident;
  return (
    <OfficerPage title="officer.resident.title">
      <dl class="summary">
        <dt>{t('officer.resident.name')}</dt>
        <dd>{r.name}</dd>
        <dt>{t('officer.resident.nationalId')}</dt>
        <dd class="mono">{r.nationalIdMasked ?? '—'}</dd>
        <dt>{t('officer.resident.phone')}</dt>
        <dd class="mono">{r.phoneMasked ?? '—'}</dd>
        <dt>{t('officer.resident.birthDate')}</dt>
        <dd>{r.birthDate ?? '—'}</dd>
        <dt>{t('officer.resident.capacity')}</dt>
        <dd>{CAPACITY[r.laborCapacity] ? t(CAPACITY[r.laborCapacity]) : r.laborCapacity}</dd>
        <dt>{t('officer.resident.employment')}</dt>
        <dd>
          <EmploymentLabel status={r.employmentStatus} />
        </dd>
        <dt>{t('officer.resident.consent')}</dt>
        <dd>{t(r.consentToShare ? 'officer.yes' : 'officer.no')}</dd>
        <dt>{t('officer.resident.household')}</dt>
        <dd>
          <a href={`/officer/households/${r.householdId}`}>
            {t('officer.household.name', { code: r.householdId.slice(0, 8) })}
          </a>
        </dd>
      </dl>
      <h2>{t('officer.resident.skills')}</h2>
      {r.skills.length ? (
        <ul>
          {r.skills.map((s) => (
            <li key={s.code}>
              {props.skillNames.get(s.code) ?? s.code} · {t('officer.resident.level', { n: s.level })}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('officer.resident.noSkills')}</p>
      )}
      <h2>{t('officer.placements.title')}</h2>
      <ItemList items={props.placements} class="queue" empty={t('officer.placements.none')}>
        {(p) => (
          <li key={p.id}>
            {p.employerName ?? '—'} · {p.startDate}
            {p.endDate ? ` – ${p.endDate}` : ` · ${t('officer.placements.active')}`}
          </li>
        )}
      </ItemList>
    </OfficerPage>
  );
}
