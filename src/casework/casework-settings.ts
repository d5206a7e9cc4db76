import { Injectable } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { loadCaseworkConfig, rulesFor, type CaseworkConfig, type CaseworkRules } from './casework-config';

/** config/casework.yaml, validated once at start (a bad key stops the process with its name). */
@Injectable()
export class CaseworkSettings {
  readonly config: CaseworkConfig;

  constructor(app: AppConfig) {
    this.config = loadCaseworkConfig(app);
  }

  rules(originRegionCode: string, siteRegionCode: string): CaseworkRules {
    return rulesFor(this.config, originRegionCode, siteRegionCode);
  }
}
