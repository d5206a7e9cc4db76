import type { MatchReason, MonitoringStatus, SkillName } from './types';

export type SkillNames = ReadonlyMap<string, SkillName> | Readonly<Record<string, SkillName>>;

export function skillName(names: SkillNames | undefined, code: string): SkillName {
  const n = names instanceof Map ? names.get(code) : (names as Record<string, SkillName> | undefined)?.[code];
  return n ?? { zh: code, en: code };
}

const MONITORING_ZH: Record<Exclude<MonitoringStatus, 'none'>, string> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  hardship: '突发严重困难户',
};
const MONITORING_EN: Record<Exclude<MonitoringStatus, 'none'>, string> = {
  unstable: 'unstable household lifted out of poverty',
  marginal: 'marginal household at risk',
  hardship: 'household in sudden hardship',
};

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

export interface ReasonFacts {
  requiredTotal: number;
  met: string[];
  missing: string[];
  distanceKm: number;
  withinCommute: boolean;
  shuttle: boolean;
  wageMeets: boolean;
  recentTraining: boolean;
  zeroEmploymentPriority: boolean;
  monitoringPriority: MonitoringStatus;
}

/** One line per language, in the words an officer and a resident use. */
export function buildReason(f: ReasonFacts, names: SkillNames | undefined): MatchReason {
  const zh: string[] = [];
  const en: string[] = [];
  if (f.requiredTotal === 0) {
    zh.push('岗位未列要求技能');
    en.push('No required skills listed');
  } else {
    const count = `${f.met.length}/${f.requiredTotal}`;
    if (f.met.length > 0) {
      const metNames = f.met.map((c) => skillName(names, c));
      zh.push(`具备${metNames.map((n) => n.zh).join('、')} ${count} 项要求技能`);
      en.push(`Has ${count} required skills (${metNames.map((n) => lowerFirst(n.en)).join(', ')})`);
    } else {
      zh.push(`尚不具备要求技能 ${count}`);
      en.push(`Has ${count} required skills`);
    }
    if (f.missing.length > 0) {
      const missing = f.missing.map((c) => skillName(names, c));
      zh.push(`缺${missing.map((n) => n.zh).join('、')}`);
      en.push(`lacks ${missing.map((n) => lowerFirst(n.en)).join(', ')}`);
    }
  }
  const km = f.distanceKm.toFixed(1);
  if (f.withinCommute) {
    zh.push(f.shuttle ? `距离 ${km} 公里，有班车` : `距离 ${km} 公里`);
    en.push(f.shuttle ? `${km} km away, shuttle from the site` : `${km} km away`);
  } else {
    zh.push(`距离 ${km} 公里，提供住宿`);
    en.push(`${km} km away, accommodation provided`);
  }
  if (f.wageMeets) {
    zh.push('工资达到期望');
    en.push('pay meets the expected minimum');
  }
  if (f.recentTraining) {
    zh.push('近期完成培训');
    en.push('recently completed training');
  }
  if (f.zeroEmploymentPriority) {
    zh.push('零就业家庭优先');
    en.push('zero-employment household priority');
  }
  if (f.monitoringPriority !== 'none') {
    zh.push(`${MONITORING_ZH[f.monitoringPriority]}优先`);
    en.push(`${MONITORING_EN[f.monitoringPriority]} priority`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
