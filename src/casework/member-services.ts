import type { ActionRow } from './casework.repository';
import type { ServiceBundle } from './casework-config';
import type { QueueReferral } from './case-services.repository';
import { REFUSED_APPLICATION_STATUSES } from './case-services.repository';
import type { MemberServicesDto } from './dto/case.dto';

/*
 * The service bundle is counted per person (POLICY.md "Service bundles"). A member's counts come
 * from the actions logged on the case naming them, plus the referrals an officer made from the
 * matching queue (POST /applications) that were not also logged on the case — the same
 * referral is counted once wherever it was recorded.
 */

type Referral = Pick<ActionRow, 'residentId' | 'postingId'>;

const key = (r: { residentId: string | null; postingId: string | null }) => `${r.residentId}/${r.postingId}`;

/** The queue referrals of one case that the case's own referral actions do not already record. */
export function unloggedQueueReferrals(
  queue: Omit<QueueReferral, 'caseId'>[],
  logged: Referral[],
): Omit<QueueReferral, 'caseId'>[] {
  const seen = new Set(logged.map(key));
  return queue.filter((q) => !seen.has(key(q)));
}

export function bundleComplete(
  s: { policyBriefing: number; guidance: number; referrals: number; trainingOffers: number },
  bundle: Pick<ServiceBundle, 'policyBriefing' | 'guidance' | 'referrals' | 'trainingOffers'>,
): boolean {
  return (
    s.policyBriefing >= bundle.policyBriefing &&
    s.guidance >= bundle.guidance &&
    s.referrals >= bundle.referrals &&
    s.trainingOffers >= bundle.trainingOffers
  );
}

/** Services counted per member from the actions that name one and the queue's referrals. */
export function memberServices(
  members: { id: string }[],
  actions: Pick<ActionRow, 'kind' | 'residentId' | 'postingId'>[],
  bundle: Pick<ServiceBundle, 'policyBriefing' | 'guidance' | 'referrals' | 'trainingOffers'>,
  queue: Omit<QueueReferral, 'caseId'>[] = [],
): MemberServicesDto[] {
  const extra = unloggedQueueReferrals(
    queue,
    actions.filter((a) => a.kind === 'referral'),
  );
  return members.map((m) => {
    const of = actions.filter((a) => a.residentId === m.id);
    const n = (k: ActionRow['kind']) => of.filter((a) => a.kind === k).length;
    const s = {
      policyBriefing: n('policy_briefing'),
      guidance: n('guidance'),
      referrals: n('referral') + extra.filter((q) => q.residentId === m.id).length,
      trainingOffers: n('training_offer'),
    };
    return { residentId: m.id, ...s, bundleComplete: bundleComplete(s, bundle) };
  });
}

/**
 * Refused referrals on record: referral actions logged as refused, plus queue referrals the
 * member withdrew or declined (an application is the referral's own record of the answer),
 * each (member, posting) pair already logged as refused counted once.
 */
export function refusedReferrals(
  actions: Pick<ActionRow, 'kind' | 'outcome' | 'residentId' | 'postingId'>[],
  queue: Omit<QueueReferral, 'caseId'>[] = [],
): number {
  const logged = actions.filter((a) => a.kind === 'referral' && a.outcome === 'refused');
  const seen = new Set(logged.map(key));
  const refusedInQueue = queue.filter(
    (q) => (REFUSED_APPLICATION_STATUSES as readonly string[]).includes(q.status) && !seen.has(key(q)),
  );
  return logged.length + refusedInQueue.length;
}
