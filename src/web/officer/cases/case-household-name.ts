import type { Translate } from '../../../i18n/web/i18n';
import type { CaseDto } from '../../../casework/dto/case.dto';

/** 「12 号（张三家）」 / "No. 12 (张三’s household)": the case's household in the reader's language. */
export function caseHouseholdName(c: Pick<CaseDto, 'householdNumber' | 'headName'>, t: Translate): string {
  return c.headName
    ? t('officer.cases.household', { number: c.householdNumber, head: c.headName })
    : t('officer.cases.householdNoHead', { number: c.householdNumber });
}
