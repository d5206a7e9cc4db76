import { maskNationalId } from '../platform/crypto/masking';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import type { Resident } from './resident.entity';

/** A national ID as stored: encrypted, a keyed HMAC to look it up, and the masked form to show. */
export function nationalIdColumns(
  pii: PiiCipher,
  nationalId: string,
): Pick<Resident, 'nationalIdEncrypted' | 'nationalIdHmac' | 'nationalIdMasked'> {
  return {
    nationalIdEncrypted: pii.encrypt(nationalId),
    nationalIdHmac: pii.hmac('national_id', nationalId),
    nationalIdMasked: maskNationalId(nationalId),
  };
}

/** A phone as stored (encrypted, keyed HMAC); null clears both. */
export function phoneColumns(
  pii: PiiCipher,
  phone: string | null,
): Pick<Resident, 'phoneEncrypted' | 'phoneHmac'> {
  if (!phone) return { phoneEncrypted: null, phoneHmac: null };
  return { phoneEncrypted: pii.encrypt(phone), phoneHmac: pii.hmac('phone', phone) };
}
