import {
  MATCH_REASON_WORDS_EN as EN_WORDS,
  MATCH_REASON_WORDS_ZH as ZH_WORDS,
  type MatchReasonWords,
} from '../../i18n/match-reasons';
import { distancePart, residentDistance, residentSkills, skillsPart, type SkillNames } from './reason';
import type {
  MatchReason,
  MonitoringStatus,
  ReasonFacts,
  ReasonReader,
  Schedule,
  UnknownFact,
} from './types';

/*
 * The same words, fast (explain of every kept row): what does not depend on the resident is
 * built once per compiled posting — the skill sentences per pattern of levels held, the distance
 * and trip words per site, the fixed phrases — by the very functions of reason.ts, and a row's three
 * readers are then a few concatenations. golden.spec.ts and reason-writer.spec.ts hold the two
 * paths to the same text, byte for byte.
 */

interface SkillTexts {
  /** The resident's skill sentences, each followed by its separator (「。」 / ". "). */
  residentZh: string;
  residentEn: string;
  /** The officer's and employer's skill part, joined (「；」 / "; "). */
  sharedZh: string;
  sharedEn: string;
}

interface SiteTexts {
  residentZh: string;
  residentEn: string;
  sharedZh: string;
  sharedEn: string;
}

type WageFit = ReasonFacts['wage'];

/** A phrase after its separator, or nothing when the catalogue says nothing. */
function after(sep: string, words: Readonly<Record<WageFit, string>>): Readonly<Record<WageFit, string>> {
  const out = {} as Record<WageFit, string>;
  for (const k of Object.keys(words) as WageFit[]) out[k] = words[k] === '' ? '' : sep + words[k];
  return out;
}

/** 「；未填…」 for each set of unknowns the officer is told (bits: wage 1, schedule 2, industry 4). */
const UNKNOWN_BITS: Record<UnknownFact, number> = { wage: 1, schedule: 2, industry: 4, distance: 0 };
const UNSTATED: readonly UnknownFact[] = ['wage', 'schedule', 'industry'];

function unknownParts(sep: string, w: MatchReasonWords): readonly string[] {
  const out: string[] = [];
  for (let bits = 0; bits < 8; bits++) {
    const u = UNSTATED.filter((x) => (bits & UNKNOWN_BITS[x]) !== 0);
    out.push(u.length > 0 ? sep + w.unstated.lead + u.map((x) => w.unknown[x]).join(w.unstated.join) : '');
  }
  return out;
}

function monitoringParts(sep: string, w: MatchReasonWords): Readonly<Record<MonitoringStatus, string>> {
  return {
    none: '',
    unstable: sep + w.priority.unstable,
    marginal: sep + w.priority.marginal,
    hardship: sep + w.priority.hardship,
  };
}

// The catalogue's words with their separators, built once at load: a row only looks them up.
const residentWageZh = after('。', ZH_WORDS.residentWage);
const residentWageEn = after('. ', EN_WORDS.residentWage);
const officerWageZh = after('；', ZH_WORDS.officerWage);
const officerWageEn = after('; ', EN_WORDS.officerWage);
const unknownPartZh = unknownParts('；', ZH_WORDS);
const unknownPartEn = unknownParts('; ', EN_WORDS);
const monitoringPartZh = monitoringParts('；', ZH_WORDS);
const monitoringPartEn = monitoringParts('; ', EN_WORDS);

/** Patterns of levels are memoised while the key stays an exact integer (5 levels per required skill, a bit per preferred). */
const MAX_KEYED_REQUIRED = 14;
const MAX_KEYED_PREFERRED = 16;

/**
 * One posting's reason writer: the facts of a row in, every reader's reason out, the same text as
 * buildReasons. Only for rows of that posting, with `site` the resident's site index: the distance
 * and trip facts of a row are the site's (explain), and their words are kept per site.
 */
export class ReasonWriter {
  private readonly skillTexts = new Map<number, SkillTexts>();
  private readonly siteTexts = new Map<number, SiteTexts>();
  private readonly fixedZh: { resident: string; officer: string; employer: string };
  private readonly fixedEn: { resident: string; officer: string; employer: string };

  constructor(
    readonly names: SkillNames | undefined,
    posting: {
      shuttle: boolean;
      accommodation: boolean;
      wageBelowFloor: boolean;
      wageFloorMonthly: number;
      schedule: Schedule;
    },
  ) {
    this.fixedZh = {
      resident: (posting.shuttle ? '。有班车' : '') + (posting.accommodation ? '。提供住宿' : ''),
      officer: posting.wageBelowFloor
        ? `；注意：工资折合每月低于当地最低工资标准 ${posting.wageFloorMonthly} 元`
        : '',
      employer: `；愿意做${ZH_WORDS.schedule[posting.schedule]}`,
    };
    this.fixedEn = {
      resident:
        (posting.shuttle ? '. Shuttle bus' : '') + (posting.accommodation ? '. Accommodation provided' : ''),
      officer: posting.wageBelowFloor
        ? `; warning: monthly equivalent below the local minimum wage of ${posting.wageFloorMonthly} yuan`
        : '',
      employer: `; available for ${EN_WORDS.schedule[posting.schedule]}`,
    };
  }

  reasons(f: ReasonFacts, site: number): Readonly<Record<ReasonReader, MatchReason>> {
    const sk = this.skills(f);
    const d = this.siteWords(f, site, f.withinCommute);
    let offZh = sk.sharedZh + '；' + d.sharedZh;
    let offEn = sk.sharedEn + '; ' + d.sharedEn;
    const empZh = f.scheduleFits ? offZh + this.fixedZh.employer : offZh;
    const empEn = f.scheduleFits ? offEn + this.fixedEn.employer : offEn;
    offZh += officerWageZh[f.wage];
    offEn += officerWageEn[f.wage];
    if (f.recentTraining) {
      offZh += '；近期完成培训';
      offEn += '; recently completed training';
    }
    let bits = 0;
    for (let i = 0; i < f.unknown.length; i++) bits |= UNKNOWN_BITS[f.unknown[i]];
    offZh += unknownPartZh[bits] + this.fixedZh.officer;
    offEn += unknownPartEn[bits] + this.fixedEn.officer;
    if (f.zeroEmploymentPriority) {
      offZh += '；零就业家庭优先';
      offEn += '; zero-employment household priority';
    }
    offZh += monitoringPartZh[f.monitoringPriority];
    offEn += monitoringPartEn[f.monitoringPriority];
    return {
      resident: {
        zh: sk.residentZh + d.residentZh + this.fixedZh.resident + residentWageZh[f.wage] + '。',
        en: sk.residentEn + d.residentEn + this.fixedEn.resident + residentWageEn[f.wage] + '.',
      },
      officer: { zh: offZh, en: offEn },
      employer: { zh: empZh, en: empEn },
    };
  }

  private skills(f: ReasonFacts): SkillTexts {
    const req = f.required;
    const pref = f.preferred;
    let key = -1;
    if (req.length <= MAX_KEYED_REQUIRED && pref.length <= MAX_KEYED_PREFERRED) {
      // A required skill's words depend on its level below the one asked, or only on being met.
      key = 0;
      for (let j = 0; j < req.length; j++) {
        const s = req[j];
        key = key * 5 + (s.level >= s.minLevel ? 4 : s.level);
      }
      for (let j = 0; j < pref.length; j++) key = key * 2 + (pref[j].level >= pref[j].minLevel ? 1 : 0);
      const known = this.skillTexts.get(key);
      if (known !== undefined) return known;
    }
    const rzh: string[] = [];
    const ren: string[] = [];
    residentSkills(f, this.names, rzh, ren);
    const szh: string[] = [];
    const sen: string[] = [];
    skillsPart(f, this.names, szh, sen);
    let residentZh = '';
    let residentEn = '';
    for (let i = 0; i < rzh.length; i++) {
      residentZh += rzh[i] + '。';
      residentEn += ren[i] + '. ';
    }
    const t: SkillTexts = { residentZh, residentEn, sharedZh: szh.join('；'), sharedEn: sen.join('; ') };
    if (key >= 0) this.skillTexts.set(key, t);
    return t;
  }

  /** The distance and trip words of a site, for a daily commute (`within`) or a post taken away from home. */
  private siteWords(f: ReasonFacts, site: number, within: boolean): SiteTexts {
    const key = within ? site * 2 : site * 2 + 1;
    const known = this.siteTexts.get(key);
    if (known !== undefined) return known;
    const r = residentDistance(f, within);
    const zh: string[] = [];
    const en: string[] = [];
    distancePart(f, zh, en, within);
    const t: SiteTexts = { residentZh: r.zh, residentEn: r.en, sharedZh: zh[0], sharedEn: en[0] };
    this.siteTexts.set(key, t);
    return t;
  }
}
