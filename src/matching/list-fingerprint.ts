import { createHash } from 'node:crypto';
import { topSummary, ENGINE_VERSION, type MatchingConfig, type RankedTop, type SkillNames } from './engine';
import type { LoadedResident } from './loaders/candidate.loader';

/**
 * What every list of a run shares: the engine, the configuration and the skill names (the
 * reasons quote them). Part of each list's fingerprint; worked out once per (configuration,
 * catalogue) pair, both of which stay the same object until they are reloaded.
 */
const listBases = new WeakMap<MatchingConfig, WeakMap<SkillNames, string>>();
export function listBase(cfg: MatchingConfig, names: SkillNames): string {
  let byNames = listBases.get(cfg);
  if (!byNames) listBases.set(cfg, (byNames = new WeakMap()));
  let base = byNames.get(names);
  if (base === undefined) {
    base = createHash('sha256')
      .update(ENGINE_VERSION)
      .update(JSON.stringify(cfg))
      .update(JSON.stringify(names instanceof Map ? [...names] : names))
      .digest('hex');
    byNames.set(names, base);
  }
  return base;
}

/**
 * A list's fingerprint: the shared base, the posting version, and per ranked resident what their
 * stored row is computed from (topSummary) and their profile version. Equal fingerprints mean
 * equal stored rows, so the nightly re-rank may skip explaining and storing.
 */
export function listHash(
  base: string,
  postingVersion: number,
  top: RankedTop,
  residents: ReadonlyMap<string, LoadedResident>,
): string {
  const rows = topSummary(top).map((row) => [...row, residents.get(String(row[0]))?.version ?? 0]);
  return createHash('sha256')
    .update(base)
    .update(String(postingVersion))
    .update(JSON.stringify(rows))
    .digest('hex');
}
