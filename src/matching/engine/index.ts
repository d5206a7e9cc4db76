/**
 * The matching engine: pure TypeScript, no Nest, no database, no I/O. Loaders turn rows into
 * ResidentInput / PostingProfile; the engine filters, scores, ranks and explains.
 */
export * from './types';
export {
  buildCandidateSet,
  residentIndex,
  monthlyWage,
  statedCommuteMinutes,
  DEFAULT_WAGE_FACTORS,
  type CandidateSet,
  type WageFactors,
} from './candidate-set';
export {
  belowLocalMinimum,
  tripFitsShift,
  compilePosting,
  type CompiledPosting,
  type CompileOptions,
} from './compiled-posting';
export { buildReasons, residentReason, officerReason, employerReason, type SkillNames } from './reason';
export { ENGINE_VERSION } from './engine-version';
export {
  rankPosting,
  rankPostingBatched,
  rankPostingTop,
  scorePosting,
  postingListSize,
  explainTop,
  topSummary,
  type RankedTop,
  type RankOptions,
  type BatchOptions,
} from './rank';
export { explain, hardFilterFailure } from './explain';
export { rankResident, buildPostingSet, skillGaps, type PostingSet, type SkillGap } from './rank-resident';
export { dayNumber } from './dates';
