/**
 * The resident identity card number (GB 11643): 6-digit region code of first registration,
 * 8-digit birth date (YYYYMMDD), 3-digit sequence (odd for men, even for women) and a check
 * character computed with ISO 7064 MOD 11-2 (POLICY.md "Personal information").
 *
 * Pure functions; no Nest, no I/O.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export interface NationalIdFacts {
  /** The region code of first registration (may be a code that no longer exists). */
  regionCode: string;
  /** ISO date `YYYY-MM-DD`. */
  birthDate: string;
  gender: 'female' | 'male';
}

export type NationalIdProblem = 'length' | 'format' | 'birth_date' | 'check_character';

/** The check character of the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('nationalIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** A real calendar date between 1900-01-01 and today (UTC). */
function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

/** Upper-cases a trailing x; anything else is left for `checkNationalId` to judge. */
export function normalizeNationalId(id: string): string {
  return id.trim().toUpperCase();
}

/** What is wrong with the number, or null when it is valid. */
export function checkNationalId(id: string, today: Date = new Date()): NationalIdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  if (!isPlausibleBirthDate(id.slice(6, 14), today)) return 'birth_date';
  if (nationalIdCheckChar(id.slice(0, 17)) !== id[17]) return 'check_character';
  return null;
}

export const NATIONAL_ID_MESSAGES: Record<NationalIdProblem, string> = {
  length: 'nationalId must be 18 characters',
  format: 'nationalId must be 17 digits followed by a digit or X',
  birth_date: 'nationalId contains no valid birth date',
  check_character: 'nationalId check character is wrong',
};

/** Birth date and gender encoded in a valid number. */
export function nationalIdFacts(id: string): NationalIdFacts {
  const d = id.slice(6, 14);
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Builds a valid number (test data, demo data): `seq` 0–999, its parity gives the gender. */
export function buildNationalId(regionCode6: string, birthDate: string, seq: number): string {
  const first17 = `${regionCode6}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + nationalIdCheckChar(first17);
}
