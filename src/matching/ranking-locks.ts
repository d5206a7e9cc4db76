import type { EntityManager } from 'typeorm';
import type { RankSkip } from './ranking-types';

/** Serialises storing per posting / per resident across workers (two jobs of the same version). */
export function lockKey(kind: 'posting' | 'resident', id: string): string {
  return `matching:${kind}:${id}`;
}

/** Advisory locks in one fixed order (postings before residents, each sorted): no deadlock. */
export async function lockAll(
  m: EntityManager,
  kind: 'posting' | 'resident',
  ids: readonly string[],
): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k', [
    [...new Set(ids.map((id) => lockKey(kind, id)))].sort(),
  ]);
}

export async function lockOne(m: EntityManager, key: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** Why a ranked posting's result is not stored: missing, a newer version, or no longer open. */
export function postingSkip(
  p: { profile: { version: number }; status: string } | null,
  version: number,
): RankSkip | null {
  if (!p) return 'missing';
  if (p.profile.version > version) return 'stale';
  if (p.status !== 'open') return 'not_open';
  return null;
}
