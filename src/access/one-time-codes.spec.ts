import { codeHash, codeMatches, newCode } from './one-time-codes';

describe('one-time codes', () => {
  const key = Buffer.alloc(32, 3);

  it('are six digits', () => {
    for (let i = 0; i < 50; i++) expect(newCode()).toMatch(/^\d{6}$/);
  });

  it('match only the code, under the same key and for the same registration (ticket)', () => {
    const stored = codeHash(key, 'register:phone:ticketA', '042137');
    expect(codeMatches(key, 'register:phone:ticketA', '042137', stored)).toBe(true);
    expect(codeMatches(key, 'register:phone:ticketA', '042138', stored)).toBe(false);
    expect(codeMatches(key, 'register:phone:ticketB', '042137', stored)).toBe(false);
    expect(codeMatches(Buffer.alloc(32, 4), 'register:phone:ticketA', '042137', stored)).toBe(false);
    expect(codeMatches(key, 'register:phone:ticketA', '42137', stored)).toBe(false);
    expect(codeMatches(key, 'register:phone:ticketA', '042137', null)).toBe(false);
  });

  it('are not stored in clear', () => {
    expect(codeHash(key, 's', '123456')).not.toContain('123456');
  });
});
