import { FLAG_ZERO_EMPLOYMENT, type CandidateSet } from './candidate-set';
import {
  compilePosting,
  compileShared,
  siteTrip,
  type CompileOptions,
  type CompiledPosting,
} from './compiled-posting';
import { ReasonWriter, type SkillNames } from './reason';
import { evaluate, hardFilterName, priorityOf, roundScore, scoreBlock } from './score';
import { TopHeap } from './top-heap';
import {
  COMPONENT_NAMES,
  MONITORING_STATUSES,
  type ComponentScore,
  type Components,
  type HardFilter,
  type MatchingConfig,
  type PostingProfile,
  type RankedMatch,
  type ReasonFacts,
  type SkillFact,
  type UnknownFact,
} from './types';

/**
 * Engine version stored with every match: bump it when a formula, a filter or the reason text changes,
 * so stored matches can be recognised as computed by an older engine and re-ranked.
 */
// 2.0.0: components that do not apply are left out and the rest rescaled to 100; unstated
// preferences earn the unknown share; wage against the local minimum; reasons per reader.
// 2.1.0: reach and the distance component on the trip's minutes (commute planner), the shift
// filter on the timetable, reasons that say the way (「公交约 70 分钟」).
export const ENGINE_VERSION = '2.1.0';

export interface RankOptions extends CompileOptions {
  /** How many results to keep; default config.thresholds.topNPerPosting (per resident for rankResident). */
  topN?: number;
  /** Fit scores below this are dropped; default config.thresholds.minScore. */
  minScore?: number;
  /** Skill code → names, for the reason text. */
  skillNames?: SkillNames;
}

export interface BatchOptions extends RankOptions {
  /** Residents (seeking work) scored between two yields. Default 20 000 (a few ms of CPU). */
  batchSize?: number;
  /** Awaited between batches so the event loop (BullMQ lock renewal) runs. Default: a setImmediate turn. */
  yieldFn?: () => Promise<void>;
}

/**
 * How many residents a posting's list keeps: candidatesPerOpening for each place still open,
 * never fewer than minTopNPerPosting nor more than topNPerPosting. Officers refer a few people
 * per place; a list of 200 for a single vacancy is rows nobody reads, rewritten every night.
 */
export function postingListSize(config: MatchingConfig, openings: number): number {
  const t = config.thresholds;
  const wanted = t.candidatesPerOpening * Math.max(1, Math.floor(openings));
  return Math.min(t.topNPerPosting, Math.max(t.minTopNPerPosting, wanted));
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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

const BLOCK = 4096;

/**
 * Scores seekers[from … to) into the heap, a block at a time (no allocation per resident). Residents
 * not seeking work are not in `seekers` (the first hard filter, the same for every posting), and the
 * seekers of a site no one of them could commute from are skipped whole (the commute filter decided
 * per site); every other resident goes through all filters in scoreBlock.
 */
function scoreRange(
  cp: CompiledPosting,
  from: number,
  to: number,
  heap: TopHeap,
  minScore: number,
  buf: Float64Array,
): void {
  const cs = cp.candidates;
  const idRank = cs.idRank;
  const seekers = cs.seekers;
  const siteStart = cs.siteSeekerStart;
  const reachable = cp.siteReachable;
  const blend = cp.blend;
  for (let site = 0; site < reachable.length; site++) {
    if (reachable[site] === 0) continue;
    const lo = Math.max(from, siteStart[site]);
    const hi = Math.min(to, siteStart[site + 1]);
    for (let start = lo; start < hi; start += BLOCK) {
      const end = Math.min(hi, start + BLOCK);
      scoreBlock(cp, seekers, start, end, buf);
      for (let o = 0, i = start; i < end; o++, i++) {
        const raw = buf[o];
        if (raw < 0 || raw < minScore - 0.1) continue; // exclusions are negative codes
        const score = Math.round(raw * 10) / 10;
        if (score < minScore) continue;
        const r = seekers[i];
        if (blend === 0) {
          if (score < heap.threshold) continue;
          heap.offer(score, priorityOf(cp, r), idRank[r], r);
        } else {
          const key = score + blend * priorityOf(cp, r);
          if (key < heap.threshold) continue;
          heap.offer(key, score, idRank[r], r);
        }
      }
    }
  }
}

function compiled(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: CompileOptions,
): CompiledPosting {
  if (!('candidates' in posting)) return compilePosting(posting, candidates, config, opts);
  if (posting.candidates !== candidates)
    throw new Error('posting was compiled against another candidate set');
  return posting;
}

/**
 * The best residents for a posting: hard filters, fit score, top N by a bounded heap (score desc,
 * then priority desc, then resident id — or the configured blend), each with components and reason.
 */
export function rankPosting(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: RankOptions = {},
): RankedMatch[] {
  return explainTop(scorePosting(posting, candidates, config, opts), opts.skillNames);
}

/**
 * The ranking half of rankPosting, in one go: filters, scores and the bounded heap, without
 * components and reasons (explainTop adds them). rankPosting = explainTop(scorePosting(…)).
 */
export function scorePosting(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: RankOptions = {},
): RankedTop {
  const cp = compiled(posting, candidates, config, opts);
  const heap = new TopHeap(opts.topN ?? config.thresholds.topNPerPosting);
  const to = candidates.seekers.length;
  scoreRange(cp, 0, to, heap, opts.minScore ?? config.thresholds.minScore, new Float64Array(BLOCK));
  return { cp, residents: heap.sorted() };
}

/** rankPosting in batches, awaiting `yieldFn` between them so a long ranking never blocks the event loop. */
export async function rankPostingBatched(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: BatchOptions = {},
): Promise<RankedMatch[]> {
  return explainTop(await rankPostingTop(posting, candidates, config, opts), opts.skillNames);
}

/** A posting's top list before it is explained: residents (candidate-set indexes) in rank order. */
export interface RankedTop {
  readonly cp: CompiledPosting;
  readonly residents: readonly number[];
}

/**
 * The ranking half of rankPostingBatched: filters, scores and the bounded heap, without building
 * components and reasons. A caller that can tell from `topSummary` that the list did not change
 * (the nightly re-rank) skips explaining and storing it.
 */
export async function rankPostingTop(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: BatchOptions = {},
): Promise<RankedTop> {
  const cp = compiled(posting, candidates, config, opts);
  const heap = new TopHeap(opts.topN ?? config.thresholds.topNPerPosting);
  const buf = new Float64Array(BLOCK);
  const minScore = opts.minScore ?? config.thresholds.minScore;
  const batch = Math.max(1, opts.batchSize ?? 20_000);
  const yieldFn = opts.yieldFn ?? defaultYield;
  const seekers = candidates.seekers.length;
  for (let from = 0; from < seekers; from += batch) {
    if (from > 0) await yieldFn();
    scoreRange(cp, from, Math.min(seekers, from + batch), heap, minScore, buf);
  }
  return { cp, residents: heap.sorted() };
}

/** Components and reasons for a top list (what is stored and shown). */
export function explainTop(top: RankedTop, skillNames?: SkillNames): RankedMatch[] {
  return top.residents.map((r, i) => explain(top.cp, r, { skillNames, rank: i + 1 })!);
}

/**
 * Everything a stored list's rows are computed from, per resident, in rank order: id, score,
 * priority, site, distance, the trip and the household flags the reason mentions. Equal summaries (with
 * the same posting version, engine, configuration and skill names) give equal stored rows.
 */
export function topSummary(top: RankedTop): (string | number)[][] {
  const cp = top.cp;
  const cs = cp.candidates;
  return top.residents.map((r) => [
    cs.ids[r],
    roundScore(evaluate(cp, r)),
    priorityOf(cp, r),
    cs.siteIds[cs.siteIndex[r]],
    Math.round(cp.siteDist[cs.siteIndex[r]] * 10),
    // The trip, and its words: an officer's new record changes the stored reason.
    cp.siteMinutes[cs.siteIndex[r]],
    cp.siteTrips?.[cs.siteIndex[r]].source ?? 'estimate',
    cp.siteTrips?.[cs.siteIndex[r]].text ?? '',
    cs.flags[r],
    cs.monitoring[r],
  ]);
}

/** Postings compiled once against a candidate set, for ranking residents the other way round. */
export interface PostingSet {
  readonly candidates: CandidateSet;
  readonly postings: readonly CompiledPosting[];
  /** Position of each posting id in the sorted id list (tie-break). */
  readonly idRank: Uint32Array;
}

export function buildPostingSet(
  postings: readonly PostingProfile[],
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: CompileOptions = {},
): PostingSet {
  const shared = compileShared(config, opts);
  const compiled = postings.map((p) => compilePosting(p, candidates, config, opts, shared));
  const order = postings.map((_, i) => i).sort((a, b) => (postings[a].id < postings[b].id ? -1 : 1));
  const idRank = new Uint32Array(postings.length);
  order.forEach((i, rank) => (idRank[i] = rank));
  return { candidates, postings: compiled, idRank };
}

/** The best postings for resident `residentIndex` of the posting set's candidate set. */
export function rankResident(
  residentIndex: number,
  set: PostingSet,
  config: MatchingConfig,
  opts: Omit<RankOptions, keyof CompileOptions> = {},
): RankedMatch[] {
  const heap = new TopHeap(opts.topN ?? config.thresholds.topNPerResident);
  const minScore = opts.minScore ?? config.thresholds.minScore;
  const out = new Float64Array(1);
  const r = residentIndex;
  const one = Uint32Array.of(r);
  for (let i = 0; i < set.postings.length; i++) {
    scoreBlock(set.postings[i], one, 0, 1, out);
    const raw = out[0];
    if (raw < 0) continue;
    const score = roundScore(raw);
    if (score < minScore) continue;
    // Priority is the resident's own and the same for every posting: rank by score, then posting id.
    heap.offer(score, 0, set.idRank[i], i);
  }
  return heap
    .sorted()
    .map((i, k) => explain(set.postings[i], r, { skillNames: opts.skillNames, rank: k + 1 })!);
}

export interface SkillGap {
  postingId: string;
  postingVersion: number;
  /** Required skills not held at the required level. */
  missing: { code: string; minLevel: number; level: number }[];
  /** Fit score today (with the gap). */
  score: number;
}

/**
 * Postings the resident misses by 1…maxMissing required skills while every hard filter passes:
 * the skills a training course would unlock. Fewest missing first, then score desc, then posting id.
 */
export function skillGaps(
  residentIndex: number,
  set: PostingSet,
  opts: { maxMissing?: number; limit?: number } = {},
): SkillGap[] {
  const maxMissing = opts.maxMissing ?? 2;
  const out = new Float64Array(1);
  const cs = set.candidates;
  const r = residentIndex;
  const one = Uint32Array.of(r);
  const found: { gap: SkillGap; rank: number }[] = [];
  set.postings.forEach((cp, i) => {
    scoreBlock(cp, one, 0, 1, out);
    const raw = out[0];
    if (raw < 0) return;
    const missing: SkillGap['missing'] = [];
    cp.posting.requiredSkills.forEach((s, j) => {
      const off = cp.reqOff[j];
      const level = off < 0 ? 0 : cs.skillLevels[off + r];
      if (level < cp.reqMin[j]) missing.push({ code: s.code, minLevel: cp.reqMin[j], level });
    });
    if (missing.length === 0 || missing.length > maxMissing) return;
    found.push({
      gap: { postingId: cp.posting.id, postingVersion: cp.posting.version, missing, score: roundScore(raw) },
      rank: set.idRank[i],
    });
  });
  found.sort(
    (a, b) => a.gap.missing.length - b.gap.missing.length || b.gap.score - a.gap.score || a.rank - b.rank,
  );
  const list = found.map((f) => f.gap);
  return opts.limit !== undefined ? list.slice(0, opts.limit) : list;
}
