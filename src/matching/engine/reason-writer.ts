import {
  MATCH_REASON_WORDS_EN as EN_WORDS,
  MATCH_REASON_WORDS_ZH as ZH_WORDS,
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

const RESIDENT_WAGE_ZH: Record<ReasonFacts['wage'], string> = {
  meets: '。工资达到您的期望',
  range: '。工资可能达到您的期望',
  piece: '。按件计工资',
  below: '',
  unknown: '',
};
const RESIDENT_WAGE_EN: Record<ReasonFacts['wage'], string> = {
  meets: '. Pays what you asked for',
  range: '. May pay what you asked for',
  piece: '. Paid by the piece',
  below: '',
  unknown: '',
};
const OFFICER_WAGE_ZH: Record<ReasonFacts['wage'], string> = {
  meets: '；工资达到期望',
  range: '；工资区间可达期望',
  below: '；工资低于期望',
  piece: '；计件工资，无法与期望比较',
  unknown: '',
};
const OFFICER_WAGE_EN: Record<ReasonFacts['wage'], string> = {
  meets: '; pay meets the expected minimum',
  range: '; the pay range reaches the expected minimum',
  below: '; pay below the expected minimum',
  piece: '; piece rate, not comparable',
  unknown: '',
};

/** 「；未填…」 for each set of unknowns the officer is told (bits: wage 1, schedule 2, industry 4). */
const UNKNOWN_BITS: Record<UnknownFact, number> = { wage: 1, schedule: 2, industry: 4, distance: 0 };
const UNSTATED: readonly UnknownFact[] = ['wage', 'schedule', 'industry'];
const UNKNOWN_PART_ZH: string[] = [];
const UNKNOWN_PART_EN: string[] = [];
for (let bits = 0; bits < 8; bits++) {
  const u = UNSTATED.filter((x) => (bits & UNKNOWN_BITS[x]) !== 0);
  UNKNOWN_PART_ZH.push(u.length > 0 ? `；未填${u.map((x) => ZH_WORDS.unknown[x]).join('、')}` : '');
  UNKNOWN_PART_EN.push(u.length > 0 ? `; not stated: ${u.map((x) => EN_WORDS.unknown[x]).join(', ')}` : '');
}

const MONITORING_PART_ZH: Record<MonitoringStatus, string> = {
  none: '',
  unstable: `；${ZH_WORDS.monitoring.unstable}优先`,
  marginal: `；${ZH_WORDS.monitoring.marginal}优先`,
  hardship: `；${ZH_WORDS.monitoring.hardship}优先`,
};
const MONITORING_PART_EN: Record<MonitoringStatus, string> = {
  none: '',
  unstable: `; ${EN_WORDS.monitoring.unstable} priority`,
  marginal: `; ${EN_WORDS.monitoring.marginal} priority`,
  hardship: `; ${EN_WORDS.monitoring.hardship} priority`,
};

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
    offZh += OFFICER_WAGE_ZH[f.wage];
    offEn += OFFICER_WAGE_EN[f.wage];
    if (f.recentTraining) {
      offZh += '；近期完成培训';
      offEn += '; recently completed training';
    }
    let bits = 0;
    for (let i = 0; i < f.unknown.length; i++) bits |= UNKNOWN_BITS[f.unknown[i]];
    offZh += UNKNOWN_PART_ZH[bits] + this.fixedZh.officer;
    offEn += UNKNOWN_PART_EN[bits] + this.fixedEn.officer;
    if (f.zeroEmploymentPriority) {
      offZh += '；零就业家庭优先';
      offEn += '; zero-employment household priority';
    }
    offZh += MONITORING_PART_ZH[f.monitoringPriority];
    offEn += MONITORING_PART_EN[f.monitoringPriority];
    return {
      resident: {
        zh: sk.residentZh + d.residentZh + this.fixedZh.resident + RESIDENT_WAGE_ZH[f.wage] + '。',
        en: sk.residentEn + d.residentEn + this.fixedEn.resident + RESIDENT_WAGE_EN[f.wage] + '.',
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
