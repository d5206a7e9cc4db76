import type { PostingScores } from '../posting-scores';

/*
 * What a posting's residents' side was merged from: every qualifying seeker's id, profile
 * version and score. Every writer of the residents' lists (rank-resident, a ranked posting's
 * merge, refills) keeps each list the true top list of its resident's current scores, so a
 * posting whose scores are those it was last merged with changes no list: the nightly re-rank
 * skips merging it, and a batch none of whose postings changed never reads the lists at all
 * (the quiet night; the lists' read was most of its time).
 *
 * The fingerprint is a sum over seekers of a mixed per-seeker value in two independent 32-bit
 * lanes, so it does not depend on the order seekers are scored in (the candidate set's order
 * changes with its composition); 64 bits against the few thousand postings of a county.
 */

/** FNV-1a of a string from a seed, then a final avalanche. */
function hash32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return mix(h);
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Per candidate of a set: two 32-bit hashes of (resident id, profile version), worked out once. */
export class SeekerHashes {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;

  constructor(ids: readonly string[], versionOf: (id: string) => number) {
    this.a = new Uint32Array(ids.length);
    this.b = new Uint32Array(ids.length);
    ids.forEach((id, i) => {
      const key = `${id}:${versionOf(id)}`;
      this.a[i] = hash32(key, 0x811c9dc5);
      this.b[i] = hash32(key, 0x01000193);
    });
  }

  /** The posting's fingerprint: `base` (engine, configuration, names), its version, its scores. */
  fingerprint(base: string, postingVersion: number, scores: PostingScores): string {
    let a = 0;
    let b = 0;
    const { residents, scores: s } = scores;
    for (let k = 0; k < residents.length; k++) {
      const r = residents[k];
      const tenth = Math.round(s[k] * 10);
      a = (a + mix(this.a[r] ^ tenth)) >>> 0;
      b = (b + mix(this.b[r] + Math.imul(tenth, 0x9e3779b1))) >>> 0;
    }
    return `${base.slice(0, 24)}:${postingVersion}:${residents.length}:${a.toString(16)}:${b.toString(16)}`;
  }
}
