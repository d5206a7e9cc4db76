import { buildCandidateSet } from './candidate-set';
import { SITES, SKILL_CODES, resident } from './testing/fixtures';
import type { CandidateSet } from './candidate-set';
import type { MatchingConfig, PostingProfile, RankedMatch, ResidentInput } from './types';

/** Every key at any depth of T (arrays looked through). */
type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends object
    ? { [K in keyof T & string]: K | DeepKeys<T[K]> }[keyof T & string]
    : never;

/** Attributes the engine must never see (PIPL art. 24/28, DESIGN.md). */
type Protected =
  | 'gender'
  | 'sex'
  | 'ethnicity'
  | 'nation'
  | 'nationality'
  | 'health'
  | 'disability'
  | 'religion'
  | 'name'
  | 'nationalId'
  | 'phone';

// Compile-time checks (tsc / lint run on spec files): each alias must be `never`.
type Assert<T extends never> = T;
export type ResidentHasNoProtected = Assert<Extract<DeepKeys<ResidentInput>, Protected>>;
export type PostingHasNoProtected = Assert<Extract<DeepKeys<PostingProfile>, Protected>>;
export type CandidateSetHasNoProtected = Assert<Extract<keyof CandidateSet, Protected>>;
export type ResultHasNoProtected = Assert<Extract<DeepKeys<RankedMatch>, Protected>>;
export type ConfigHasNoProtected = Assert<Extract<DeepKeys<MatchingConfig>, Protected>>;

describe('protected attributes', () => {
  it('never reach the candidate set, even when a loader passes them along', () => {
    const leaky = { ...resident('r1'), gender: 'female', ethnicity: 'tujia', religion: 'x', health: 'y' };
    const cs = buildCandidateSet([leaky], SKILL_CODES, SITES);
    const keys = Object.keys(cs).map((k) => k.toLowerCase());
    for (const word of ['gender', 'ethnic', 'religion', 'health']) {
      expect(keys.some((k) => k.includes(word))).toBe(false);
    }
    expect(JSON.stringify(cs.ids)).not.toContain('female');
  });
});
