import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseProgrammeSection } from '../programmes-config';
import { addDays } from '../../kernel/clock';
import { addMonths, cooperationRulesFor, parseCooperationSection } from './cooperation-config';

const parse = (doc: unknown) => parseProgrammeSection(doc, 'cooperation', parseCooperationSection);
const base = {
  retentionCheckMonths: [0, 1, 3, 6],
  subsidyCheckMonth: 3,
  checkEarlyDays: 14,
  partnerCities: [{ name: '杭州', province: '浙江', pairedWith: '恩施', pairedSince: 2016 }],
};

describe('cooperation rules (config/programmes.yaml cooperation:)', () => {
  it('reads the shipped file: arrival, 1, 3 and 6 months; Hangzhou paired with Enshi since 2016', () => {
    const doc = parseYaml(readFileSync(join(__dirname, '../../../config/programmes.yaml'), 'utf8'));
    const rules = parse(doc).default;
    expect(rules.retentionCheckMonths).toEqual([0, 1, 3, 6]);
    expect(rules.subsidyCheckMonth).toBe(3);
    expect(rules.partnerCities).toEqual([
      { name: '杭州', province: '浙江', pairedWith: '恩施', pairedSince: 2016 },
    ]);
  });

  it('a jurisdiction overrides the keys it names, the longest prefix winning', () => {
    const c = parse({
      default: { cooperation: base },
      jurisdictions: {
        '52': {
          cooperation: {
            partnerCities: [{ name: '广州', province: '广东', pairedWith: '毕节', pairedSince: 2016 }],
          },
        },
      },
    });
    expect(cooperationRulesFor(c, '520502001').partnerCities.map((x) => x.name)).toEqual(['广州']);
    expect(cooperationRulesFor(c, '520502001').retentionCheckMonths).toEqual([0, 1, 3, 6]);
    expect(cooperationRulesFor(c, '422802107').partnerCities.map((x) => x.name)).toEqual(['杭州']);
  });

  it.each([
    [{ ...base, retentionCheckMonths: [0, 3, 1] }, 'default.cooperation.retentionCheckMonths'],
    [{ ...base, retentionCheckMonths: [] }, 'default.cooperation.retentionCheckMonths'],
    [{ ...base, subsidyCheckMonth: 2 }, 'default.cooperation.subsidyCheckMonth'],
    [
      { ...base, partnerCities: [{ name: '杭州', province: '浙江', pairedWith: '恩施', pairedSince: 1990 }] },
      'pairedSince',
    ],
    [{ ...base, retentionMonths: [1] }, 'default.cooperation.retentionMonths'],
    [{ subsidyCheckMonth: 3 }, 'default.cooperation.retentionCheckMonths'],
  ])('refuses a bad section, naming the key (%#)', (section, key) => {
    expect(() => parse({ default: { cooperation: section } })).toThrow(key);
  });
});

describe('calendar arithmetic of the due dates (as PostgreSQL date + interval)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-02', 3, '2027-03-02'],
    ['2026-11-30', 0, '2026-11-30'],
  ])('%s + %i months = %s', (day, n, want) => {
    expect(addMonths(day, n)).toBe(want);
  });

  it('adds days across a month and a year', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
