import { Injectable } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { commuteLimitMinutes, loadCommuteConfig, type CommuteConfig } from './commute-config';

/** config/commute.yaml, validated once at start (a bad key stops the process with its name). */
@Injectable()
export class CommuteSettings {
  readonly config: CommuteConfig;

  constructor(app: AppConfig) {
    this.config = loadCommuteConfig(app);
  }

  /** A resident's limit in minutes (maxCommuteMinutes, else maxCommuteKm converted, else the default). */
  limitMinutes(prefs: { maxCommuteMinutes?: number | null; maxCommuteKm?: number | null }): number {
    return commuteLimitMinutes(this.config, prefs);
  }
}
