import { Injectable } from '@nestjs/common';
import {
  OfficerReferralsRepository,
  type OfficerReferral,
  type ReferralWindow,
} from './officer-referrals.repository';

export type { OfficerReferral, ReferralWindow } from './officer-referrals.repository';

/**
 * What other features (casework) ask of applications about residents they already hold: the
 * referrals officers made from the matching queue (POST /applications, source officer_referral).
 * No scope check: the caller has checked its own rows.
 */
@Injectable()
export class ApplicationsDirectory {
  constructor(private readonly referrals: OfficerReferralsRepository) {}

  /**
   * The officer referrals to each window's residents created at or after its `since`, oldest
   * first (created, then id), in one query for all windows.
   */
  officerReferralsIn(windows: readonly ReferralWindow[]): Promise<OfficerReferral[]> {
    return this.referrals.in(windows);
  }
}
