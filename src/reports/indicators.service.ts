import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AppConfig } from '../platform/config/app-config';
import { RegionsService } from '../regions/regions.service';
import type { Site } from '../regions/site.entity';
import type { SummaryDto } from './dto/summary.dto';
import { INDICATOR_FIELDS, indicatorDefinitions } from './indicator-definitions';
import { IndicatorsRepository } from './indicators.repository';
import { loadReportsSettings, type ReportsSettings } from './reports-settings';

/** Ratios are rounded to 4 decimals (0.6667): enough for a percentage with two decimals. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}

@Injectable()
export class IndicatorsService {
  readonly settings: ReportsSettings;

  constructor(
    private readonly repo: IndicatorsRepository,
    private readonly policy: ScopePolicy,
    private readonly regions: RegionsService,
    config: AppConfig,
  ) {
    this.settings = loadReportsSettings(config);
  }

  /** A site the caller manages, or the 404 that hides it. */
  async requireSite(actor: AuthUser, siteId: string): Promise<Site> {
    const site = await this.regions.findSite(siteId);
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    return site!;
  }

  async siteSummary(actor: AuthUser, siteId: string): Promise<SummaryDto> {
    await this.requireSite(actor, siteId);
    return { siteId, ...(await this.summarize([siteId])) };
  }

  /** A township or county (any GB/T 2260 code): the sites inside it, aggregated. */
  async regionSummary(actor: AuthUser, code: string): Promise<SummaryDto> {
    const region = /^\d{6}(\d{3}(\d{3})?)?$/.test(code) ? await this.regions.findRegion(code) : null;
    this.policy.require(!!region && this.policy.readsRegionFigures(actor, code), 'Region');
    const ids = await this.repo.siteIdsUnder(code);
    return { regionCode: code, sites: ids.length, ...(await this.summarize(ids)) };
  }

  /** The figures of a set of sites, computed in one SQL statement. */
  async summarize(siteIds: string[]): Promise<Omit<SummaryDto, 'siteId' | 'regionCode' | 'sites'>> {
    const r = await this.repo.summary(siteIds, this.settings.postingReachKm);
    const defs = indicatorDefinitions(this.settings.postingReachKm);
    return {
      households: r.households,
      laborForce: r.labor_force,
      employed: r.employed,
      employmentRate: ratio(r.employed, r.labor_force),
      zeroEmploymentHouseholds: r.zero_employment,
      householdsWithWorker: r.with_worker,
      monitoredHouseholds: r.monitored,
      activePlacements: r.active_placements,
      retention3m: r.r3_base ? ratio(r.r3_kept, r.r3_base) : null,
      retention6m: r.r6_base ? ratio(r.r6_kept, r.r6_base) : null,
      openPostingsInReach: r.postings_in_reach,
      trainingCompletions: r.training_completions,
      asOf: r.as_of,
      definitions: Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, defs[f]])),
    };
  }
}
