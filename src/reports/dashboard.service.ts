import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { DashboardRepository } from './dashboard.repository';
import type { DashboardDto } from './dto/dashboard.dto';
import { IndicatorsService, ratio } from './indicators.service';

/** The officer's charts for a site: the series come from DashboardRepository, the rates and notes from here. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly indicators: IndicatorsService,
  ) {}

  async dashboard(actor: AuthUser, siteId: string): Promise<DashboardDto> {
    await this.indicators.requireSite(actor, siteId);
    const reach = this.indicators.settings.postingReachKm;
    const [bySite, placements, zero, gaps] = await Promise.all([
      this.employmentRateBySite(actor),
      this.repo.placementsStartedByMonth(siteId),
      this.repo.zeroEmploymentHouseholdsByMonth(siteId),
      this.repo.skillGaps(siteId, reach),
    ]);
    return {
      siteId,
      employmentRateBySite: bySite,
      placementsStartedByMonth: placements,
      zeroEmploymentHouseholdsByMonth: zero,
      skillGaps: gaps,
      notes: {
        months:
          'Both monthly series cover the last 12 months from the month of the site’s first placement (none before it; empty when the site has no placement).',
        zeroEmploymentHouseholdsByMonth:
          'Reconstructed from placements: today’s members and capacities; a member with placements is at work on days a placement covers; one without placements counts as at work throughout when recorded as employed.',
        skillGaps: `Required skills of open postings within ${reach} km: open positions (headcount − hired) against residents of the site holding the skill; only skills where openings exceed holders.`,
      },
    };
  }

  /** Every site the caller manages (at most 200), with its employment rate. */
  private async employmentRateBySite(actor: AuthUser): Promise<DashboardDto['employmentRateBySite']> {
    const rows = await this.repo.laborBySite(actor);
    return rows.map((r) => ({ ...r, employmentRate: ratio(r.employed, r.laborForce) }));
  }
}
