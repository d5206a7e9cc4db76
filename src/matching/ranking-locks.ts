import type { RankSkip } from './ranking-types';

/**
 * Serialises storing per posting / per resident across workers (two jobs of the same version);
 * RankingRepository takes the locks.
 */
export function lockKey(kind: 'posting' | 'resident', id: string): string {
  return `matching:${kind}:${id}`;
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
