import type { Rng } from './prng';

/*
 * Synthetic names: surnames common in the Tujia/Han areas of south-west Hubei (向, 谭, 冉, 覃 …)
 * and ordinary given names, combined at random. Any match with a real person is a coincidence;
 * demo records also carry SYNTHETIC_MARK.
 */

/** Appended to names of synthetic people, employers, sites and courses (README: "marked 演示"). */
export const SYNTHETIC_MARK = '（演示）';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['向', 9],
  ['谭', 8],
  ['冉', 6],
  ['覃', 6],
  ['田', 6],
  ['彭', 5],
  ['黄', 5],
  ['李', 6],
  ['张', 6],
  ['刘', 5],
  ['王', 5],
  ['陈', 4],
  ['杨', 5],
  ['牟', 3],
  ['秦', 3],
  ['龚', 3],
  ['周', 3],
  ['吴', 3],
  ['邓', 3],
  ['朱', 2],
  ['谢', 2],
  ['熊', 2],
  ['胡', 2],
  ['马', 2],
  ['罗', 2],
  ['赵', 2],
  ['余', 2],
  ['肖', 2],
  ['郑', 1],
  ['蒋', 1],
];

const FEMALE_GIVEN = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '翠花',
  '春梅',
  '小红',
  '丽',
  '芳',
  '敏',
  '静',
  '燕',
  '霞',
  '红梅',
  '海燕',
  '桂芳',
  '金凤',
  '玉梅',
  '晓燕',
  '丹',
  '婷',
  '欣怡',
  '雨涵',
  '梓涵',
  '思雨',
  '佳怡',
  '诗琪',
  '雪梅',
  '春燕',
  '美玲',
];
const MALE_GIVEN = [
  '志强',
  '建国',
  '国华',
  '建华',
  '德明',
  '永红',
  '光明',
  '明',
  '伟',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '强',
  '家兵',
  '大海',
  '世华',
  '正清',
  '万福',
  '浩然',
  '子轩',
  '宇航',
  '俊杰',
  '博文',
  '梓豪',
  '晨阳',
  '云峰',
  '学文',
  '红军',
];

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function givenName(rng: Rng, gender: 'female' | 'male'): string {
  return rng.pick(gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN);
}
