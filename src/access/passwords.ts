import { Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane): ~30 ms here, cheap enough for a
// login, costly enough for a stolen table. @node-rs/argon2 (Rust, prebuilt per platform): the
// `argon2` package's bundled linux-x64 prebuild crashed (SIGSEGV) on this machine kind.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
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
