import { missingEvidence } from './case-actions.service';

const a = (kind: string, date: string, outcome: string | null) => ({ kind, date, outcome }) as never;

describe('closing a case needs its evidence', () => {
  it('employed: an active placement of a member', () => {
    expect(missingEvidence('employed', [], 0, undefined)).toMatch(/active placement/);
    expect(missingEvidence('employed', [], 1, undefined)).toBeNull();
  });

  it('refused_referrals: three refused referrals', () => {
    const two = [a('referral', '2026-10-08', 'refused'), a('referral', '2026-10-09', 'refused')];
    expect(missingEvidence('refused_referrals', two, 0, undefined)).toMatch(/2 so far/);
    expect(
      missingEvidence('refused_referrals', [...two, a('referral', '2026-10-12', 'accepted')], 0, undefined),
    ).not.toBeNull();
    expect(
      missingEvidence('refused_referrals', [...two, a('referral', '2026-10-12', 'refused')], 0, undefined),
    ).toBeNull();
  });

  it('unreachable: failed contacts spanning three months, none reached since', () => {
    const failed = [a('phone', '2026-06-01', 'unreachable'), a('visit', '2026-07-15', 'unreachable')];
    expect(missingEvidence('unreachable', failed, 0, undefined)).toMatch(/so far/);
    const span = [...failed, a('phone', '2026-09-01', 'unreachable')];
    expect(missingEvidence('unreachable', span, 0, undefined)).toBeNull();
    expect(
      missingEvidence('unreachable', [...span, a('wechat', '2026-08-01', 'reached')], 0, undefined),
    ).toMatch(/reached since/);
  });

  it('no_capacity_or_will: a note', () => {
    expect(missingEvidence('no_capacity_or_will', [], 0, '  ')).toMatch(/note/);
    expect(missingEvidence('no_capacity_or_will', [], 0, '重病，无劳动能力')).toBeNull();
  });
});
