import type { ResidentSummaryDto } from '../../../residents/dto/resident.dto';
import type { HouseholdLabel } from '../../../residents/household-head';
import { useWeb } from '../../render';
import { ListTable } from '../officer-lists';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

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
export function ResidentTable({ residents }: { residents: ResidentSummaryDto[] }) {
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
