import {
  MATCH_REASON_WORDS_EN as EN_WORDS,
  MATCH_REASON_WORDS_ZH as ZH_WORDS,
} from '../../i18n/match-reasons';
import type { MatchReason, ReasonFacts, ReasonReader, SkillFact, SkillName } from './types';

/*
 * Reasons per reader, written from the engine's facts (ReasonFacts) by small pure functions:
 * - resident: short sentences, no fractions or scores (many residents read little);
 * - officer: every part of the score, what is unknown (so they know what to ask), the wage-floor
 *   warning, and the household priority note;
 * - employer: skills, distance and availability only. Never the household's situation (monitoring
 *   status, zero-employment, priority) nor anything derived from it (security issue 12, finding 3).
 * A skill held below the level asked is "not yet at the level", never "missing".
 */

export type SkillNames = ReadonlyMap<string, SkillName> | Readonly<Record<string, SkillName>>;

export function skillName(names: SkillNames | undefined, code: string): SkillName {
  const n = names instanceof Map ? names.get(code) : (names as Record<string, SkillName> | undefined)?.[code];
  return n ?? { zh: code, en: code };
}

const levelZh = (l: number): string => ZH_WORDS.level[Math.max(0, Math.min(4, l))];
const levelEn = (l: number): string => EN_WORDS.level[Math.max(0, Math.min(4, l))];

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

interface SkillSplit {
  met: SkillFact[];
  belowLevel: SkillFact[];
  notHeld: SkillFact[];
}

function split(skills: readonly SkillFact[]): SkillSplit {
  const out: SkillSplit = { met: [], belowLevel: [], notHeld: [] };
  for (const s of skills)
    (s.level >= s.minLevel ? out.met : s.level > 0 ? out.belowLevel : out.notHeld).push(s);
  return out;
}

function km(f: ReasonFacts): string {
  return f.distanceApproximate ? String(Math.max(1, Math.round(f.distanceKm))) : f.distanceKm.toFixed(1);
}

function clock(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The trip in words (issue 16): 「公交约 70 分钟，末班 18:00」「约 40 分钟（估计）」「通勤时间未知」.
 * The planner's own words (src/commute tripText) when the loader passed them; these are the same
 * patterns for the engine's straight-line estimate and the English reader.
 */
function tripZh(f: ReasonFacts): string {
  if (f.travelText) return f.travelText;
  if (f.travelMinutes === null) return '通勤时间未知';
  if (f.travelSource === 'estimate' || f.travelMode === null) return `约 ${f.travelMinutes} 分钟（估计）`;
  const mode = ZH_WORDS.mode[f.travelMode] ?? '';
  return `${mode}约 ${f.travelMinutes} 分钟${f.travelLastReturn !== null ? `，末班 ${clock(f.travelLastReturn)}` : ''}`;
}

function tripEn(f: ReasonFacts): string {
  if (f.travelMinutes === null) return 'travel time unknown';
  if (f.travelSource === 'estimate' || f.travelMode === null)
    return `about ${f.travelMinutes} min (estimate)`;
  const mode = EN_WORDS.mode[f.travelMode] ?? f.travelMode;
  return `about ${f.travelMinutes} min by ${mode}${f.travelLastReturn !== null ? `, last one back ${clock(f.travelLastReturn)}` : ''}`;
}

function zhNames(skills: readonly SkillFact[], names: SkillNames | undefined): string {
  return skills.map((s) => skillName(names, s.code).zh).join('、');
}
function enNames(skills: readonly SkillFact[], names: SkillNames | undefined): string {
  return skills.map((s) => lowerFirst(skillName(names, s.code).en)).join(', ');
}

/** The resident's skill sentences: what they bring, what they still lack. */
export function residentSkills(
  f: ReasonFacts,
  names: SkillNames | undefined,
  zh: string[],
  en: string[],
): void {
  const req = split(f.required);
  if (f.required.length === 0) {
    zh.push('这份工作不要求技能');
    en.push('No particular skill needed');
  } else if (req.met.length === f.required.length) {
    zh.push(`您会${zhNames(req.met, names)}，这份工作要的就是这个`);
    en.push(`You can do ${enNames(req.met, names)}: just what this job needs`);
  } else if (req.met.length > 0) {
    zh.push(`您会${zhNames(req.met, names)}，这份工作用得上`);
    en.push(`Your ${enNames(req.met, names)} is useful here`);
  }
  for (const s of req.belowLevel) {
    const n = skillName(names, s.code);
    zh.push(`还差：${n.zh}要${levelZh(s.minLevel)}（您现在是${levelZh(s.level)}）`);
    en.push(
      `Still to reach: ${lowerFirst(n.en)} at ${levelEn(s.minLevel)} level (you are ${levelEn(s.level)} now)`,
    );
  }
  for (const s of req.notHeld) {
    const n = skillName(names, s.code);
    zh.push(`还差：要会${n.zh}（${levelZh(s.minLevel)}）`);
    en.push(`Still to learn: ${lowerFirst(n.en)} (${levelEn(s.minLevel)})`);
  }
}

/**
 * How far, and how they get there. Far posts are only offered with accommodation to residents who
 * will work away: 提供住宿 says it. The way there only for a daily commute (`way`): a resident
 * taking a far post lives at the work.
 */
export function residentDistance(f: ReasonFacts, way: boolean): MatchReason {
  return {
    zh: `离您的安置点${f.distanceApproximate ? '约' : ''} ${km(f)} 公里${way ? `，${tripZh(f)}` : ''}`,
    en: `${f.distanceApproximate ? 'About ' : ''}${km(f)} km from your site${way ? `, ${tripEn(f)}` : ''}`,
  };
}

/** The resident's view: what they bring, what they still lack, how far, how they get there. */
export function residentReason(f: ReasonFacts, names: SkillNames | undefined): MatchReason {
  const zh: string[] = [];
  const en: string[] = [];
  residentSkills(f, names, zh, en);
  const d = residentDistance(f, f.withinCommute);
  zh.push(d.zh);
  en.push(d.en);
  if (f.shuttle) {
    zh.push('有班车');
    en.push('Shuttle bus');
  }
  if (f.accommodation) {
    zh.push('提供住宿');
    en.push('Accommodation provided');
  }
  if (ZH_WORDS.residentWage[f.wage] !== '') {
    zh.push(ZH_WORDS.residentWage[f.wage]);
    en.push(EN_WORDS.residentWage[f.wage]);
  }
  return { zh: zh.join('。') + '。', en: en.join('. ') + '.' };
}

/** The skill part an officer and an employer share (with counts: both read lists all day). */
export function skillsPart(f: ReasonFacts, names: SkillNames | undefined, zh: string[], en: string[]): void {
  const req = split(f.required);
  const total = f.required.length;
  if (total === 0) {
    zh.push('岗位未列要求技能');
    en.push('No required skills listed');
  } else {
    const count = `${req.met.length}/${total}`;
    if (req.met.length > 0) {
      zh.push(`具备${zhNames(req.met, names)} ${count} 项要求技能`);
      en.push(`Has ${count} required skills (${enNames(req.met, names)})`);
    } else {
      zh.push(`具备要求技能 ${count}`);
      en.push(`Has ${count} required skills`);
    }
    for (const s of req.belowLevel) {
      const n = skillName(names, s.code);
      zh.push(`${n.zh}还没到要求的水平（${levelZh(s.level)}，要求${levelZh(s.minLevel)}）`);
      en.push(
        `${lowerFirst(n.en)} not yet at the level asked (${levelEn(s.level)}, asked ${levelEn(s.minLevel)})`,
      );
    }
    if (req.notHeld.length > 0) {
      zh.push(`缺${zhNames(req.notHeld, names)}`);
      en.push(`lacks ${enNames(req.notHeld, names)}`);
    }
  }
  const pref = split(f.preferred);
  if (pref.met.length > 0) {
    zh.push(`另有加分技能${zhNames(pref.met, names)}`);
    en.push(`also has ${enNames(pref.met, names)} (preferred)`);
  }
}

export function distancePart(f: ReasonFacts, zh: string[], en: string[], within = f.withinCommute): void {
  const about = f.distanceApproximate;
  const dzh = about ? `距离约 ${km(f)} 公里（岗位位置为估计）` : `距离 ${km(f)} 公里`;
  const den = about ? `about ${km(f)} km away (workplace location estimated)` : `${km(f)} km away`;
  if (!within) {
    zh.push(`${dzh}，提供住宿`);
    en.push(`${den}, accommodation provided`);
  } else {
    const wzh = `${dzh}，${tripZh(f)}`;
    const wen = `${den}, ${tripEn(f)}`;
    zh.push(f.shuttle ? `${wzh}，有班车` : wzh);
    en.push(f.shuttle ? `${wen}, shuttle from the site` : wen);
  }
}

/** The officer's view: every part of the score, the unknowns, the wage-floor warning and the priority note. */
export function officerReason(f: ReasonFacts, names: SkillNames | undefined): MatchReason {
  const zh: string[] = [];
  const en: string[] = [];
  skillsPart(f, names, zh, en);
  distancePart(f, zh, en);
  if (ZH_WORDS.officerWage[f.wage] !== '') {
    zh.push(ZH_WORDS.officerWage[f.wage]);
    en.push(EN_WORDS.officerWage[f.wage]);
  }
  if (f.recentTraining) {
    zh.push('近期完成培训');
    en.push('recently completed training');
  }
  const unknown = f.unknown.filter((u) => u !== 'distance');
  if (unknown.length > 0) {
    zh.push(ZH_WORDS.unstated.lead + unknown.map((u) => ZH_WORDS.unknown[u]).join(ZH_WORDS.unstated.join));
    en.push(EN_WORDS.unstated.lead + unknown.map((u) => EN_WORDS.unknown[u]).join(EN_WORDS.unstated.join));
  }
  if (f.wageBelowFloor) {
    zh.push(`注意：工资折合每月低于当地最低工资标准 ${f.wageFloorMonthly} 元`);
    en.push(`warning: monthly equivalent below the local minimum wage of ${f.wageFloorMonthly} yuan`);
  }
  if (f.zeroEmploymentPriority) {
    zh.push('零就业家庭优先');
    en.push('zero-employment household priority');
  }
  if (f.monitoringPriority !== 'none') {
    zh.push(ZH_WORDS.priority[f.monitoringPriority]);
    en.push(EN_WORDS.priority[f.monitoringPriority]);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** The employer's view: skills, distance and availability. Nothing about the household. */
export function employerReason(f: ReasonFacts, names: SkillNames | undefined): MatchReason {
  const zh: string[] = [];
  const en: string[] = [];
  skillsPart(f, names, zh, en);
  distancePart(f, zh, en);
  if (f.scheduleFits) {
    zh.push(`愿意做${ZH_WORDS.schedule[f.schedule]}`);
    en.push(`available for ${EN_WORDS.schedule[f.schedule]}`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** Every reader's reason for one pair. */
export function buildReasons(
  f: ReasonFacts,
  names: SkillNames | undefined,
): Readonly<Record<ReasonReader, MatchReason>> {
  return {
    resident: residentReason(f, names),
    officer: officerReason(f, names),
    employer: employerReason(f, names),
  };
}
