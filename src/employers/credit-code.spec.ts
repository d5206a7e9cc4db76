import fc from 'fast-check';
import {
  buildCreditCode,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
  orgCodeCheckChar,
} from './credit-code';

describe('unified social credit code (GB 32100) and organization code (GB 11714)', () => {
  // Codes published on the national enterprise credit information system.
  it.each(['91440300708461136T', '914403001922038216', '91330100716105852F'])(
    'accepts the real code %s',
    (code) => {
      expect(creditCodeProblem(code)).toBeNull();
    },
  );

  it('computes the check characters by the weights of the standards', () => {
    // Σ of 91440300708461136 × weights = 1000 ≡ 8 (mod 31) → 31 − 8 = 23 → 'T'
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    // 70846113: 3·7+7·0+9·8+10·4+5·6+8·1+4·1+2·3 = 181 ≡ 5 (mod 11) → 6
    expect(orgCodeCheckChar('70846113')).toBe('6');
    // a sum ≡ 0 (mod 11) gives '0', ≡ 1 gives 'X'
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('00000006')).toBe('X'); // 2·6 = 12 ≡ 1 → 11 − 1 = 10 → X
  });

  it('rejects a wrong final check character', () => {
    expect(creditCodeProblem('91440300708461136U')).toMatch(/check character/);
  });

  it('rejects a wrong organization-code check character even when the final one is recomputed', () => {
    const first17 = '9144030070846113' + '7';
    const code = first17 + creditCodeCheckChar(first17);
    expect(creditCodeProblem(code)).toMatch(/organization code/);
  });

  it('rejects lengths other than 18 and characters outside the alphabet (I, O, S, V, Z)', () => {
    expect(creditCodeProblem('9144030070846113')).toMatch(/18 characters/);
    expect(creditCodeProblem('91440300708461136TT')).toMatch(/18 characters/);
    expect(creditCodeProblem('9144030070846113OT')).toMatch(/alphabet/);
    expect(creditCodeProblem('91440300708461136t')).toMatch(/alphabet/);
  });

  it('normalizes what people type from a licence', () => {
    expect(normalizeCreditCode(' 9144 0300 7084 6113 6t ')).toBe('91440300708461136T');
  });

  it('builds valid codes, and any single changed character makes one invalid', () => {
    const orgChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY');
    fc.assert(
      fc.property(
        fc.array(orgChar, { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (body, pos, shift) => {
          const code = buildCreditCode('92', '422802', body.join(''));
          expect(isValidCreditCode(code)).toBe(true);
          const changed = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[pos]) + shift) % 31];
          const broken = code.slice(0, pos) + changed + code.slice(pos + 1);
          // GB 32100's weights make every single-character substitution detectable
          expect(isValidCreditCode(broken)).toBe(false);
        },
      ),
    );
  });
});
