/**
 * The words of a trip (issue 16), in zh and en: cards, match reasons, search filters and the officers'
 * table all take them from here, so 「坐班车约 25 分钟」 reads the same everywhere. Core, not web: the
 * matching engine's reasons and the Excel export use them too. The web catalogue spreads them in.
 */
export const COMMUTE_WORDS_ZH = {
  'commute.mode.bus': '公交',
  'commute.mode.shuttle': '班车',
  'commute.mode.walk': '步行',
  'commute.mode.ebike': '电动车',
  'commute.mode.car': '自驾',
  'commute.trip.bus': '公交约 {n} 分钟',
  'commute.trip.shuttle': '坐班车约 {n} 分钟',
  'commute.trip.walk': '步行约 {n} 分钟',
  'commute.trip.ebike': '骑电动车约 {n} 分钟',
  'commute.trip.car': '开车约 {n} 分钟',
  'commute.trip.lastReturn': '，末班 {time}',
  'commute.trip.estimate': '约 {n} 分钟（估计）',
  'commute.trip.unknown': '通勤时间未知',
  'commute.band.30': '30 分钟以内',
  'commute.band.60': '1 小时以内',
  'commute.band.over': '1 小时以上',
  'commute.source.measured': '实测',
  'commute.source.estimate': '估计',
  'commute.source.unknown': '未知',
  'commute.day.1': '一',
  'commute.day.2': '二',
  'commute.day.3': '三',
  'commute.day.4': '四',
  'commute.day.5': '五',
  'commute.day.6': '六',
  'commute.day.7': '日',
  'commute.days.every': '每天',
} as const;

export type CommuteWordKey = keyof typeof COMMUTE_WORDS_ZH;

export const COMMUTE_WORDS_EN: Record<CommuteWordKey, string> = {
  'commute.mode.bus': 'Bus',
  'commute.mode.shuttle': 'Shuttle',
  'commute.mode.walk': 'Walk',
  'commute.mode.ebike': 'E-bike',
  'commute.mode.car': 'Own car',
  'commute.trip.bus': 'About {n} min by bus',
  'commute.trip.shuttle': 'About {n} min by shuttle',
  'commute.trip.walk': 'About {n} min on foot',
  'commute.trip.ebike': 'About {n} min by e-bike',
  'commute.trip.car': 'About {n} min by car',
  'commute.trip.lastReturn': ', last one back {time}',
  'commute.trip.estimate': 'About {n} min (estimate)',
  'commute.trip.unknown': 'Commute time unknown',
  'commute.band.30': 'Within 30 minutes',
  'commute.band.60': 'Within 1 hour',
  'commute.band.over': 'Over 1 hour',
  'commute.source.measured': 'Measured',
  'commute.source.estimate': 'Estimate',
  'commute.source.unknown': 'Unknown',
  'commute.day.1': 'Mon',
  'commute.day.2': 'Tue',
  'commute.day.3': 'Wed',
  'commute.day.4': 'Thu',
  'commute.day.5': 'Fri',
  'commute.day.6': 'Sat',
  'commute.day.7': 'Sun',
  'commute.days.every': 'Every day',
};

export type CommuteLang = 'zh' | 'en';

/** A page's `t` fits here (every key below is in the web catalogue), so pages pass their own language. */
export type CommuteTranslate = (key: CommuteWordKey, params?: Record<string, string | number>) => string;

/** `t` for a language, or the page's own `t`. */
export function commuteTranslator(t: CommuteTranslate | CommuteLang = 'zh'): CommuteTranslate {
  return typeof t === 'function' ? t : (key, params) => commuteWord(key, params, t);
}

/** One word, `{name}` parameters filled. */
export function commuteWord(
  key: CommuteWordKey,
  params: Record<string, string | number> = {},
  lang: CommuteLang = 'zh',
): string {
  const text = (lang === 'en' ? COMMUTE_WORDS_EN : COMMUTE_WORDS_ZH)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
