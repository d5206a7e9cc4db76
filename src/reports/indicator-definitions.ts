/**
 * What each indicator counts, in one sentence per language (issue 5 item 5). The SQL in
 * indicators-sql.ts implements exactly these; the API returns them beside the figures.
 */
export const INDICATOR_FIELDS = [
  'households',
  'laborForce',
  'employed',
  'employmentRate',
  'zeroEmploymentHouseholds',
  'householdsWithWorker',
  'monitoredHouseholds',
  'activePlacements',
  'retention3m',
  'retention6m',
  'openPostingsInReach',
  'trainingCompletions',
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export interface Definition {
  zh: string;
  en: string;
}

export function indicatorDefinitions(reachKm: number): Record<IndicatorField, Definition> {
  return {
    households: {
      zh: '居住在安置点的搬迁户数（含尚无成员登记的户）。',
      en: 'Households living at the site(s), including those with no member registered yet.',
    },
    laborForce: {
      zh: '劳动力人数：经专干确认、未注销个人信息、劳动能力为全部或部分、今天年满 16 周岁且未满 65 周岁的居民（与户的劳动力人数口径一致）。',
      en: 'Residents confirmed by an officer, not erased, with full or partial labour capacity, aged 16 to 64 today (the households module’s definition).',
    },
    employed: {
      zh: '劳动力中就业状态为“已就业”的人数。',
      en: 'Members of the labour force whose employment status is employed.',
    },
    employmentRate: {
      zh: '就业率 = 就业人数 ÷ 劳动力人数（劳动力为 0 时为 0），0 到 1 之间的小数。',
      en: 'employed ÷ laborForce as a fraction between 0 and 1 (0 when laborForce is 0).',
    },
    zeroEmploymentHouseholds: {
      zh: '零就业家庭：至少有 1 名劳动力、但没有劳动力就业的户数。',
      en: 'Households with at least one labour-force member and none of them employed.',
    },
    householdsWithWorker: {
      zh: '至少有 1 名劳动力就业的户数。',
      en: 'Households with at least one employed labour-force member.',
    },
    monitoredHouseholds: {
      zh: '防返贫监测户数：监测类型为脱贫不稳定户、边缘易致贫户或突发严重困难户的户数。',
      en: 'Households whose monitoring status is unstable, marginal or hardship.',
    },
    activePlacements: {
      zh: '在岗就业记录数：开始日期不晚于今天、且没有结束或结束日期在今天之后的就业记录。',
      en: 'Placements started on or before today that have not ended (no end date, or an end date after today).',
    },
    retention3m: {
      zh: '3 个月稳岗率：开始满 3 个月的就业记录中，开始后 3 个月时仍在岗（没有在开始日期加 3 个月之前结束）的比例；没有这样的记录时为 null。',
      en: 'Of placements started at least 3 months ago, the share not ended before start + 3 months; null when there are none.',
    },
    retention6m: {
      zh: '6 个月稳岗率：开始满 6 个月的就业记录中，开始后 6 个月时仍在岗的比例；没有这样的记录时为 null。',
      en: 'Of placements started at least 6 months ago, the share not ended before start + 6 months; null when there are none.',
    },
    openPostingsInReach: {
      zh: `安置点 ${reachKm} 公里（直线距离）范围内正在招聘的岗位数；区域汇总时按岗位去重。`,
      en: `Open postings whose workplace lies within ${reachKm} km (great-circle) of the site; counted once per region.`,
    },
    trainingCompletions: {
      zh: '近 12 个月内安置点居民完成培训的人次（报名状态为已结业）。',
      en: 'Enrolments of the site’s residents completed in the last 12 months.',
    },
  };
}
