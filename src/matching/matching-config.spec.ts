import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../platform/config/app-config';
import { projectRoot } from '../platform/config/project-root';
import { COMPONENT_NAMES } from './engine/types';
import { parseCommuteConfigYaml } from '../commute/commute-config';
import { parseMatchingConfigYaml as parseWith } from './matching-config';

const text = readFileSync(join(projectRoot(), 'config', 'matching.yaml'), 'utf8');
const commute = parseCommuteConfigYaml(readFileSync(join(projectRoot(), 'config', 'commute.yaml'), 'utf8'));
const parseMatchingConfigYaml = (t: string) => parseWith(t, commute);

describe('config/matching.yaml', () => {
  it('is valid, with weights normalised to a total of 100', () => {
    const c = parseMatchingConfigYaml(text);
    const total = COMPONENT_NAMES.reduce((s, k) => s + c.weights[k], 0);
    expect(total).toBeCloseTo(100, 9);
    // The limit and the km rule come from config/commute.yaml (one source).
    expect(c.distance.defaultMaxCommuteMinutes).toBe(commute.defaultMaxCommuteMinutes);
    expect(c.distance.minutesPerKm).toBe(commute.minutesPerKm);
    expect(c.distance.fullCreditMinutes).toBe(15);
    expect(c.age.publicWelfareMaxAge).toBe(60);
    expect(c.training.recentDays).toBe(180);
    expect(c.ranking.order).toBe('score_then_priority');
    // Hubei's minimum wage for Lichuan's class (README policy table) and the unknown share.
    expect(c.wage.localMinimumMonthly).toBe(1650);
    expect(c.unknown.share).toBe(0.5);
  });

  it('normalises weights that do not sum to 100', () => {
    const c = parseMatchingConfigYaml(text.replace(/skills: 40/, 'skills: 140'));
    expect(c.weights.skills).toBeCloseTo((140 * 100) / 200, 9);
  });

  it.each([
    [text.replace(/skills: 40/, 'skills: -1'), 'weights.skills must be between 0 and 1000'],
    [text.replace(/skills: 40/, 'skills: lots'), 'weights.skills must be a number'],
    [text.replace(/recentDays: 180/, 'recentDays: 1.5'), 'training.recentDays must be an integer'],
    [
      text.replace(/publicWelfareMaxAge: 60/, 'publicWelfareMaxAg: 60'),
      'age.publicWelfareMaxAg is not a known key',
    ],
    [
      text.replace(/order: score_then_priority/, 'order: random'),
      'ranking.order must be score_then_priority or blend',
    ],
    [
      text.replace(/strongMatch: 70/, 'strongMatch: 10'),
      'thresholds.strongMatch must be at least thresholds.minScore',
    ],
    [
      text.replace(/minTopNPerPosting: 50/, 'minTopNPerPosting: 500'),
      'thresholds.minTopNPerPosting must be at most thresholds.topNPerPosting',
    ],
    [text + '\nextra: 1\n', 'extra is not a known key'],
    // An unknown must never earn full credit (it would beat a stated, met preference).
    [text.replace(/share: 0.5/, 'share: 1'), 'unknown.share must be between 0 and 0.9'],
    [
      text.replace(/localMinimumMonthly: 1650/, 'localMinimumMonthly: -1'),
      'wage.localMinimumMonthly must be between',
    ],
  ])('names the bad key (%#)', (bad, message) => {
    expect(() => parseMatchingConfigYaml(bad)).toThrow(ConfigError);
    expect(() => parseMatchingConfigYaml(bad)).toThrow(`config/matching.yaml: ${message}`);
  });
});
