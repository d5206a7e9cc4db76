import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { loadProgrammeSection, programmeRulesFor, type ProgrammeRules } from '../programmes-config';
import { parseWorkshopRules, type WorkshopRules } from './workshop-rules';

/** The `workshops:` section of config/programmes.yaml, validated once at start. */
@Injectable()
export class WorkshopSettings {
  readonly config: ProgrammeRules<WorkshopRules>;

  constructor(app: AppConfig) {
    this.config = loadProgrammeSection(app, 'workshops', parseWorkshopRules);
  }

  /** The rules where the workshop's site lies. */
  rules(siteRegionCode: string): WorkshopRules {
    return programmeRulesFor(this.config, siteRegionCode);
  }
}
