import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { loadMatchingConfig } from '../../matching/matching-config';
import { programmeRulesFor, type ProgrammeRules } from '../programmes-config';
import { loadSubsidiesConfig, type SubsidyRules } from './subsidies-config';

/**
 * config/programmes.yaml `subsidies:`, validated once at start. The local minimum wage the
 * public-welfare wage is held to is config/matching.yaml's wage.localMinimumMonthly: one figure,
 * read from the one place that states it.
 */
@Injectable()
export class SubsidiesSettings {
  readonly config: ProgrammeRules<SubsidyRules>;
  readonly minimumWage: number;

  constructor(app: AppConfig) {
    this.config = loadSubsidiesConfig(app);
    this.minimumWage = loadMatchingConfig(app).wage.localMinimumMonthly;
  }

  /** The rules where the site lies (the longest configured region-code prefix wins). */
  rules(siteRegionCode: string): SubsidyRules {
    return programmeRulesFor(this.config, siteRegionCode);
  }
}
