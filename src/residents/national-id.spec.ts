import fc from 'fast-check';
import {
  buildNationalId,
  checkNationalId,
  nationalIdCheckChar,
  nationalIdFacts,
  normalizeNationalId,
} from './national-id';

describe('national ID (GB 11643, ISO 7064 MOD 11-2)', () => {
  const today = new Date('2026-01-01T00:00:00Z');

  it('accepts numbers with the right check character (hand-computed)', () => {
    // 11010519491231002: weighted sum 167, 167 mod 11 = 2 → 'X'
    expect(nationalIdCheckChar('11010519491231002')).toBe('X');
    expect(checkNationalId('11010519491231002X', today)).toBeNull();
    // 42280219900101003: weighted sum 199, 199 mod 11 = 1 → '0'
    expect(nationalIdCheckChar('42280219900101003')).toBe('0');
    expect(checkNationalId('422802199001010030', today)).toBeNull();
    // 44052419800101001: weighted sum 196, 196 mod 11 = 9 → '3'
    expect(nationalIdCheckChar('44052419800101001')).toBe('3');
    expect(checkNationalId('440524198001010013', today)).toBeNull();
  });

  it('rejects a wrong check character', () => {
    expect(checkNationalId('110105194912310021', today)).toBe('check_character');
    expect(checkNationalId('440524198001010014', today)).toBe('check_character');
    expect(checkNationalId('42280219900101003X', today)).toBe('check_character');
  });

  it('rejects bad lengths and characters', () => {
    expect(checkNationalId('11010519491231002', today)).toBe('length');
    expect(checkNationalId('11010519491231002XX', today)).toBe('length');
    expect(checkNationalId('1101051949123100AX', today)).toBe('format');
    expect(checkNationalId('010105194912310021', today)).toBe('format');
    expect(checkNationalId('11010519491231002x', today)).toBe('format');
    expect(normalizeNationalId(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('rejects impossible or future birth dates', () => {
    expect(checkNationalId(buildNationalId('422802', '1990-02-30', 1), today)).toBe('birth_date');
    expect(checkNationalId(buildNationalId('422802', '1990-13-01', 1), today)).toBe('birth_date');
    expect(checkNationalId(buildNationalId('422802', '1899-12-31', 1), today)).toBe('birth_date');
    expect(checkNationalId(buildNationalId('422802', '2030-01-01', 1), today)).toBe('birth_date');
    expect(checkNationalId(buildNationalId('422802', '2000-02-29', 1), today)).toBeNull();
    expect(checkNationalId(buildNationalId('422802', '1900-02-29', 1), today)).toBe('birth_date');
  });

  it('reads birth date and gender', () => {
    expect(nationalIdFacts('11010519491231002X')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(nationalIdFacts(buildNationalId('422802', '1985-06-15', 7)).gender).toBe('male');
  });

  it('every built number is valid and any single-character change of the check is caught', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1920-01-01T00:00:00Z'),
          max: new Date('2020-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'),
        (date, seq, other) => {
          const id = buildNationalId('422802', date.toISOString().slice(0, 10), seq);
          expect(checkNationalId(id, today)).toBeNull();
          const changed = id.slice(0, 17) + other;
          expect(checkNationalId(changed, today)).toBe(other === id[17] ? null : 'check_character');
        },
      ),
    );
  });
});
