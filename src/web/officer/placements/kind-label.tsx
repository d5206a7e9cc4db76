import { useWeb } from '../../render';
import type { OfficerKey } from '../../../i18n/officer/officer-messages';

const KIND: Record<string, OfficerKey> = {
  local_enterprise: 'officer.kind.local_enterprise',
  workshop: 'officer.kind.workshop',
  public_welfare: 'officer.kind.public_welfare',
  self_employed: 'officer.kind.self_employed',
  away_from_home: 'officer.kind.away_from_home',
};

/** A placement kind in the officer's words. */
export function KindLabel({ kind }: { kind: string }) {
  const { t } = useWeb();
  return <>{KIND[kind] ? t(KIND[kind]) : kind}</>;
}
