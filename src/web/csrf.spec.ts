import { CsrfTokens } from './csrf';

describe('CsrfTokens', () => {
  const tokens = new CsrfTokens(Buffer.alloc(32, 1));
  const browser = CsrfTokens.newBrowserSecret();

  it('accepts the token made for this browser and session', () => {
    const t = tokens.token(browser, 'session-a');
    expect(tokens.verify(browser, 'session-a', t)).toBe(true);
  });

  it('refuses a token of another session, another browser, another key or none', () => {
    const t = tokens.token(browser, 'session-a');
    expect(tokens.verify(browser, 'session-b', t)).toBe(false);
    expect(tokens.verify(browser, undefined, t)).toBe(false);
    expect(tokens.verify(CsrfTokens.newBrowserSecret(), 'session-a', t)).toBe(false);
    expect(new CsrfTokens(Buffer.alloc(32, 2)).verify(browser, 'session-a', t)).toBe(false);
    expect(tokens.verify(browser, 'session-a', undefined)).toBe(false);
    expect(tokens.verify(browser, 'session-a', ['x'])).toBe(false);
    expect(tokens.verify(undefined, 'session-a', t)).toBe(false);
  });
});
