import { commuteTranslator, type CommuteLang, type CommuteTranslate } from '../i18n/commute-vocabulary';
import type { Trip } from './travel-trip';

/** Search filter bands: 「30 分钟以内 / 1 小时以内」. */
export const TRAVEL_BANDS = [30, 60] as const;
export type TravelBand = (typeof TRAVEL_BANDS)[number];

/**
 * The words people read for a trip: 「坐班车约 25 分钟」「公交约 70 分钟，末班 18:00」「约 40 分钟（估计）」
 * 「通勤时间未知」. Chinese unless a page passes its `t` (or 'en'). An estimate never names a mode: it is
 * a distance rule, not a bus anyone checked.
 */
export function tripText(trip: Trip, lang: CommuteTranslate | CommuteLang = 'zh'): string {
  const t = commuteTranslator(lang);
  if (trip.source === 'unknown' || trip.minutes === null) return t('commute.trip.unknown');
  const n = trip.minutes;
  if (trip.source === 'estimate' || trip.mode === null) return t('commute.trip.estimate', { n });
  const base = t(`commute.trip.${trip.mode}`, { n });
  return trip.lastReturn ? base + t('commute.trip.lastReturn', { time: trip.lastReturn }) : base;
}

/** The smallest band a trip falls in, or null when it is over the last band or unknown. */
export function travelBand(minutes: number | null): TravelBand | null {
  if (minutes === null) return null;
  for (const b of TRAVEL_BANDS) if (minutes <= b) return b;
  return null;
}

/** 「30 分钟以内」「1 小时以内」「1 小时以上」 for a trip's minutes (null → unknown). */
export function bandText(minutes: number | null, lang: CommuteTranslate | CommuteLang = 'zh'): string {
  const t = commuteTranslator(lang);
  if (minutes === null) return t('commute.trip.unknown');
  const b = travelBand(minutes);
  return b === null ? t('commute.band.over') : t(`commute.band.${b}`);
}
