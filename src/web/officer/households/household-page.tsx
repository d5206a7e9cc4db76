import type { HouseholdDto } from '../../../residents/dto/household.dto';
import type { ResidentSummaryDto } from '../../../residents/dto/resident.dto';
import type { HouseholdLabel } from '../../../residents/household-head';
import { useWeb } from '../../render';
import { daysSince, isoDate, OfficerPage } from '../officer-layout';
import { HouseholdName, MonitoringLabel, ResidentTable } from './household-labels';

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
