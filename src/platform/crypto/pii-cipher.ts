import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { AppConfig, type PiiKey } from '../config/app-config';

/**
 * Personal data at rest (PIPL art. 28): AES-256-GCM with the key id stored beside the
 * ciphertext so keys can rotate, and a keyed HMAC for lookups (a national ID has too little
 * entropy for a plain hash: POLICY.md "Codes").
 *
 * Stored form: `v1.<keyId>.<iv b64>.<tag b64>.<ciphertext b64>`.
 */
@Injectable()
export class PiiCipher {
  private readonly keys = new Map<string, PiiKey>();
  private readonly active: PiiKey;

  constructor(private readonly config: AppConfig) {
    for (const k of config.piiKeys) this.keys.set(k.id, k);
    this.active = this.keys.get(config.piiActiveKeyId)!;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v1',
      this.active.id,
      iv.toString('base64'),
      tag.toString('base64'),
      body.toString('base64'),
    ].join('.');
  }

  decrypt(stored: string): string {
    const [v, keyId, iv, tag, body] = stored.split('.');
    if (v !== 'v1' || !keyId || !iv || !tag || body === undefined) throw new Error('Malformed ciphertext');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`Unknown PII key id ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** The key id a stored value was written with, for re-encryption after a rotation. */
  keyIdOf(stored: string): string {
    return stored.split('.')[1];
  }

  /** Deterministic keyed digest for unique indexes and lookups (hex, 64 chars). */
  hmac(purpose: 'national_id' | 'phone', value: string): string {
    return createHmac('sha256', this.config.piiHmacKey).update(`${purpose}:${value}`).digest('hex');
  }
}
