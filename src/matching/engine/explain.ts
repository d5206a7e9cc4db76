import { FLAG_ZERO_EMPLOYMENT, type CandidateSet } from './candidate-set';
import { siteTrip, type CompiledPosting } from './compiled-posting';
import { ENGINE_VERSION } from './engine-version';
import type { SkillNames } from './reason';
import { ReasonWriter } from './reason-writer';
import { evaluate, hardFilterName, priorityOf, roundScore } from './score';
import {
  COMPONENT_NAMES,
  MONITORING_STATUSES,
  type ComponentScore,
  type Components,
  type HardFilter,
  type PostingProfile,
  type RankedMatch,
  type ReasonFacts,
  type SkillFact,
  type UnknownFact,
} from './types';

/*
 * Explaining a scored pair: its components, the facts a reason is written from, and every reader's
 * reason. Only for rows that are kept (a top list, a resident's recommendations); the scoring of
 * every pair (rank.ts) never builds them.
 */

/**
 * Each compiled posting's reason writer (the words that do not depend on the resident, built once),
 * for the skill names it was made with. A memo of pure functions: no I/O, nothing global but words.
 */
const writers = new WeakMap<CompiledPosting, ReasonWriter>();

function writerOf(cp: CompiledPosting, names: SkillNames | undefined): ReasonWriter {
  let w = writers.get(cp);
  if (w === undefined || w.names !== names) {
    w = new ReasonWriter(names, {
      shuttle: cp.posting.shuttle,
      accommodation: cp.posting.accommodation,
      wageBelowFloor: cp.wageBelowFloor,
      wageFloorMonthly: cp.wageFloorMonthly,
      schedule: cp.posting.schedule,
    });
    writers.set(cp, w);
  }
  return w;
}

/** Scratch for explain's one-resident evaluation (explain is synchronous and never re-entered). */
const explainComp = new Float64Array(COMPONENT_NAMES.length);

function componentScore(cp: CompiledPosting, comp: Float64Array, i: number): ComponentScore {
  const applies = (cp.appliesMask & (1 << i)) !== 0;
  return {
    value: applies ? Math.round(comp[i] * 1000) / 1000 : 0,
    points: applies ? Math.round(comp[i] * cp.weights[i] * cp.weightScale * 100) / 100 : 0,
  };
}

function skillFacts(
  cs: CandidateSet,
  r: number,
  skills: PostingProfile['requiredSkills'],
  off: Int32Array,
  min: Uint8Array,
): SkillFact[] {
  const out: SkillFact[] = new Array<SkillFact>(skills.length);
  for (let j = 0; j < skills.length; j++)
    out[j] = { code: skills[j].code, minLevel: min[j], level: off[j] < 0 ? 0 : cs.skillLevels[off[j] + r] };
  return out;
}

/** Explains one scored pair: components, reason facts and reasons. Only for results that are kept. */
export function explain(
  cp: CompiledPosting,
  r: number,
  opts: { skillNames?: SkillNames; rank?: number } = {},
): RankedMatch | null {
  const comp = explainComp;
  const raw = evaluate(cp, r, comp);
  if (raw < 0) return null;
  const cs = cp.candidates;
  const site = cs.siteIndex[r];
  const trip = siteTrip(cp, site);
  const travelMinutes = trip.minutes === null ? null : Math.round(trip.minutes);
  // COMPONENT_NAMES order: skills, preferredSkills, distance, wage, schedule, industry, training.
  const distance = componentScore(cp, comp, 2);
  const components: Components = {
    skills: componentScore(cp, comp, 0),
    preferredSkills: componentScore(cp, comp, 1),
    distance: { value: distance.value, points: distance.points, minutes: travelMinutes, source: trip.source },
    wage: componentScore(cp, comp, 3),
    schedule: componentScore(cp, comp, 4),
    industry: componentScore(cp, comp, 5),
    training: componentScore(cp, comp, 6),
  };
  const required = skillFacts(cs, r, cp.posting.requiredSkills, cp.reqOff, cp.reqMin);
  const met: string[] = [];
  const missing: string[] = [];
  for (let j = 0; j < required.length; j++)
    (required[j].level >= required[j].minLevel ? met : missing).push(required[j].code);
  const distanceKm = cp.siteDist[site];
  let limit = cs.maxCommuteMinutes[r];
  if (!(limit >= 0)) limit = cp.defaultMaxCommuteMinutes;
  const monitoring = MONITORING_STATUSES[cs.monitoring[r]];
  const wageStated = cs.wageMin[r] === cs.wageMin[r];
  const unknown: UnknownFact[] = [];
  if (!wageStated) unknown.push('wage');
  if (cs.schedules[r] === 0) unknown.push('schedule');
  if (cs.industryPrefs[r] === 0) unknown.push('industry');
  if (cp.distanceApproximate || trip.minutes === null) unknown.push('distance');
  const wage = comp[3];
  const facts: ReasonFacts = {
    required,
    preferred: skillFacts(cs, r, cp.posting.preferredSkills, cp.prefOff, cp.prefMin),
    distanceKm: Math.round(distanceKm * 10) / 10,
    distanceApproximate: cp.distanceApproximate,
    travelMinutes,
    travelSource: trip.source,
    travelMode: trip.mode,
    travelText: trip.text,
    travelLastReturn: trip.lastReturn,
    withinCommute: trip.minutes === null || (trip.minutes <= limit && cp.siteShiftOk[site] === 1),
    shuttle: cp.posting.shuttle,
    accommodation: cp.posting.accommodation,
    wage: cp.pieceRate
      ? 'piece'
      : !wageStated
        ? 'unknown'
        : wage === 1
          ? 'meets'
          : wage >= 0.75
            ? 'range'
            : 'below',
    wageBelowFloor: cp.wageBelowFloor,
    wageFloorMonthly: cp.wageFloorMonthly,
    scheduleFits: cs.schedules[r] !== 0,
    schedule: cp.posting.schedule,
    wantsIndustry: (cs.industryPrefs[r] & cp.industryBit) !== 0,
    workedInIndustry: (cs.industryExperience[r] & cp.industryBit) !== 0,
    recentTraining: cs.trainingDay[r] >= cp.trainingSinceDay,
    unknown,
    zeroEmploymentPriority: (cs.flags[r] & FLAG_ZERO_EMPLOYMENT) !== 0 && cp.zeroEmploymentPriority > 0,
    monitoringPriority: cp.monitoringPriority[cs.monitoring[r]] > 0 ? monitoring : 'none',
  };
  return {
    postingId: cp.posting.id,
    postingVersion: cp.posting.version,
    residentId: cs.ids[r],
    score: roundScore(raw),
    priority: priorityOf(cp, r),
    rank: opts.rank ?? 0,
    components,
    requiredSkillsMet: met,
    requiredSkillsMissing: missing,
    distanceKm: facts.distanceKm,
    travelMinutes,
    travelSource: trip.source,
    facts,
    reasons: writerOf(cp, opts.skillNames).reasons(facts, site),
    engineVersion: ENGINE_VERSION,
  };
}

/** Which hard filter excludes resident r from the posting, or null when none does. */
export function hardFilterFailure(cp: CompiledPosting, r: number): HardFilter | null {
  return hardFilterName(evaluate(cp, r));
}
