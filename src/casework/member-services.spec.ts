import { memberServices, refusedReferrals } from './member-services';

const BUNDLE = { policyBriefing: 0, guidance: 1, referrals: 3, trainingOffers: 1 };
const ref = (residentId: string, postingId: string, outcome: 'refused' | null = null) => ({
  kind: 'referral' as const,
  residentId,
  postingId,
  outcome,
});

describe('member services', () => {
  it("counts a member's queue referrals once, whether or not the case logged them too", () => {
    const [m] = memberServices(
      [{ id: 'r1' }],
      [ref('r1', 'p1'), { kind: 'guidance', residentId: 'r1', postingId: null }],
      BUNDLE,
      [
        { residentId: 'r1', postingId: 'p1', status: 'applied' }, // logged on the case as well
        { residentId: 'r1', postingId: 'p2', status: 'applied' },
        { residentId: 'r2', postingId: 'p3', status: 'applied' }, // another member
      ],
    );
    expect(m).toMatchObject({ referrals: 2, guidance: 1, bundleComplete: false });
  });

  it('counts withdrawn or declined queue referrals as refused, a pair logged as refused once', () => {
    const actions = [ref('r1', 'p1', 'refused'), ref('r1', 'p2')];
    expect(
      refusedReferrals(actions, [
        { residentId: 'r1', postingId: 'p1', status: 'withdrawn' }, // already logged as refused
        { residentId: 'r1', postingId: 'p2', status: 'declined' }, // logged without an answer
        { residentId: 'r1', postingId: 'p3', status: 'rejected' }, // the employer said no
      ]),
    ).toBe(2);
  });
});
