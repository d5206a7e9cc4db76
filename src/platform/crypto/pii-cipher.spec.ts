import { loadConfig } from '../config/app-config';
import { maskNationalId, maskPhone } from './masking';
import { PiiCipher } from './pii-cipher';

describe('PiiCipher', () => {
  const k1 = Buffer.alloc(32, 1).toString('base64');
  const k2 = Buffer.alloc(32, 2).toString('base64');

  it('round-trips and never stores the clear text', () => {
    const c = new PiiCipher(loadConfig({ LEYE_PII_KEYS: `a:${k1}` }));
    const stored = c.encrypt('42280219900101001X');
    expect(stored).not.toContain('42280219900101001X');
    expect(c.decrypt(stored)).toBe('42280219900101001X');
  });

  it('reads values written with an older key after rotation', () => {
    const old = new PiiCipher(loadConfig({ LEYE_PII_KEYS: `a:${k1}` }));
    const stored = old.encrypt('secret');
    const rotated = new PiiCipher(loadConfig({ LEYE_PII_KEYS: `a:${k1},b:${k2}` }));
    expect(rotated.decrypt(stored)).toBe('secret');
    expect(rotated.keyIdOf(rotated.encrypt('x'))).toBe('b');
  });

  it('rejects tampered ciphertext', () => {
    const c = new PiiCipher(loadConfig({ LEYE_PII_KEYS: `a:${k1}` }));
    const parts = c.encrypt('secret').split('.');
    parts[4] = Buffer.from('other!').toString('base64');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
  });

  it('hmac is keyed and purpose-separated', () => {
    const a = new PiiCipher(loadConfig({ LEYE_PII_HMAC_KEY: k1 }));
    const b = new PiiCipher(loadConfig({ LEYE_PII_HMAC_KEY: k2 }));
    expect(a.hmac('phone', '13800000000')).toBe(a.hmac('phone', '13800000000'));
    expect(a.hmac('phone', '13800000000')).not.toBe(b.hmac('phone', '13800000000'));
    expect(a.hmac('phone', '1')).not.toBe(a.hmac('national_id', '1'));
  });

  it('masks', () => {
    expect(maskNationalId('42280219900101001X')).toBe('422802********001X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
