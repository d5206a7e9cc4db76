import * as argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane): ~30 ms here, cheap enough for a
// login, costly enough for a stolen table.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** Spent on unknown phones too, so timing does not tell which phones have accounts. */
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummyHash ??= hashPassword('leye-timing-equaliser-0');
  await verifyPassword(await dummyHash, plain);
}
