import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { InvalidInputError } from '../../kernel/domain-errors';
import {
  cooperationRulesFor,
  loadCooperationConfig,
  type CooperationConfig,
  type CooperationRules,
  type PartnerCity,
} from './cooperation-config';

/** config/programmes.yaml `cooperation:`, validated once at start (a bad key stops the process). */
@Injectable()
export class CooperationSettings {
  readonly config: CooperationConfig;

  constructor(app: AppConfig) {
    this.config = loadCooperationConfig(app);
  }

  rules(siteRegionCode: string): CooperationRules {
    return cooperationRulesFor(this.config, siteRegionCode);
  }

  /** The partner city by name at this site, or a 400 naming `field` and the cities there are. */
  partnerCity(siteRegionCode: string, name: string, field = 'partnerCity'): PartnerCity {
    const cities = this.rules(siteRegionCode).partnerCities;
    const c = cities.find((x) => x.name === name.trim());
    if (!c) throw new InvalidInputError(field, `must be a partner city of the site: ${cities.map((x) => x.name).join(', ')}`);
    return c;
  }
}
