import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseworkConfigYaml, rulesFor } from './casework-config';

const shipped = readFileSync(join(__dirname, '..', '..', 'config', 'casework.yaml'), 'utf8');

describe('config/casework.yaml', () => {
  it('ships Leye defaults (3 and 5 working days, a quarter, "131") and Jiangxi "1131"', () => {
    const c = parseCaseworkConfigYaml(shipped);
    expect(c.default).toMatchObject({ firstContactWorkingDays: 3, clearWorkingDays: 5, stableAfterDays: 90 });
    expect(c.default.serviceBundle).toEqual({
      name: '131',
      policyBriefing: 0,
      guidance: 1,
      referrals: 3,
      trainingOffers: 1,
    });
    const jx = rulesFor(c, '360102001', '422802107');
    expect(jx.serviceBundle.name).toBe('1131');
    expect(jx.firstContactWorkingDays).toBe(3); // inherited
    expect(rulesFor(c, '422802101', '422802107').serviceBundle.name).toBe('131');
  });

  it('names the offending key', () => {
    expect(() =>
      parseCaseworkConfigYaml(shipped.replace('clearWorkingDays: 5', 'clearWorkingDays: 0')),
    ).toThrow(/default\.clearWorkingDays/);
    expect(() => parseCaseworkConfigYaml(shipped.replace('stableAfterDays', 'stableAfterDayz'))).toThrow(
      /default\.stableAfterDayz.*not a known key/,
    );
    expect(() => parseCaseworkConfigYaml('default: {}\njurisdictions: { x1: {} }')).toThrow(
      /default\.firstContactWorkingDays/,
    );
  });
});
