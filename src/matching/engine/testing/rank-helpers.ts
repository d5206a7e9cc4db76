// The engine specs' shorthand: one posting ranked (or one resident filtered) against the fixtures'
// sites and skills with the test configuration.
import { buildCandidateSet } from '../candidate-set';
import { compilePosting } from '../compiled-posting';
import { hardFilterFailure } from '../explain';
import { rankPosting } from '../rank';
import type { PostingProfile, ResidentInput } from '../types';
import { SITES, SKILL_CODES, SKILL_NAMES, TODAY, posting, testConfig } from './fixtures';

export const config = testConfig();

export function rank(residents: ResidentInput[], p: PostingProfile = posting('p1'), cfg = config) {
  return rankPosting(p, buildCandidateSet(residents, SKILL_CODES, SITES), cfg, {
    today: TODAY,
    skillNames: SKILL_NAMES,
  });
}

/** Which hard filter excludes the resident from the posting (null: none). */
export function failure(r: ResidentInput, p: PostingProfile = posting('p1')) {
  const cs = buildCandidateSet([r], SKILL_CODES, SITES);
  return hardFilterFailure(compilePosting(p, cs, config, { today: TODAY }), 0);
}

export const teaSkills = [
  { code: 'tea.picking', level: 2 },
  { code: 'tea.processing', level: 3 },
];
