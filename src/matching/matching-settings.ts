import { Injectable } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import type { MatchingConfig } from './engine';
import { loadMatchingConfig } from './matching-config';

/** config/matching.yaml, validated once at start (a bad key stops the process with its name). */
@Injectable()
export class MatchingSettings {
  readonly config: MatchingConfig;

  constructor(app: AppConfig) {
    this.config = loadMatchingConfig(app);
  }
}
