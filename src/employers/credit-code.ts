/*
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over a
 * 31-character alphabet (no I, O, S, V, Z). Characters 9–17 are the organization code
 * (组织机构代码, GB 11714-1997) with its own check character, the 18th is the check character
 * of the whole code. Pure functions: no Nest, no I/O.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character for the first 17 (GB 32100 §5: check = 31 − (Σ cᵢ·wᵢ mod 31), 31 → 0). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckChar needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`not a credit code character: ${first17[i]}`);
    sum += v * CREDIT_CODE_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check];
}

/** Value of an organization-code character (GB 11714): digits as themselves, A = 10 … Z = 35. */
function orgCharValue(ch: string): number {
  if (/^[0-9]$/.test(ch)) return ch.charCodeAt(0) - 48;
  if (/^[A-Z]$/.test(ch)) return ch.charCodeAt(0) - 55;
  return -1;
}

/** The 9th character of an organization code for its first 8 (11 − Σ mod 11; 10 → X, 11 → 0). */
export function orgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new Error('orgCodeCheckChar needs 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCharValue(first8[i]);
    if (v < 0) throw new Error(`not an organization code character: ${first8[i]}`);
    sum += v * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * Why a credit code is invalid, or null when it is valid. Expects the code as stored:
 * upper case, no spaces (callers normalise with `normalizeCreditCode`).
 */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  for (const ch of code) {
    if (!CREDIT_CODE_ALPHABET.includes(ch))
      return `contains ${JSON.stringify(ch)}, not in the alphabet ${CREDIT_CODE_ALPHABET}`;
  }
  const org = code.slice(8, 17);
  if (orgCodeCheckChar(org.slice(0, 8)) !== org[8])
    return 'the organization code (characters 9–17) has a wrong check character';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'wrong check character (18th character)';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Upper case without spaces, as residents and officers type it from a licence. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * Builds a valid code from a registration-authority/category prefix (2 chars), a 6-digit
 * region code and an 8-character organization-code body (for test data and demo data).
 */
export function buildCreditCode(prefix2: string, region6: string, orgBody8: string): string {
  const org = orgBody8 + orgCodeCheckChar(orgBody8);
  const first17 = prefix2 + region6 + org;
  return first17 + creditCodeCheckChar(first17);
}
