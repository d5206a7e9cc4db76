import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../platform/config/app-config';
import { Migrator } from './migrator';
import { BOOTSTRAP_STEP, type BootstrapRunner, type BootstrapStepOptions } from './bootstrap-step';

@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly migrator: Migrator,
    private readonly config: AppConfig,
  ) {}

  /** Pending migrations, under an advisory lock so concurrent starts apply them once. */
  migrate(): Promise<void> {
    return this.migrator.run(this.logger);
  }

  steps(): { options: BootstrapStepOptions; runner: BootstrapRunner }[] {
    return this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && Reflect.getMetadata(BOOTSTRAP_STEP, w.metatype))
      .map((w) => ({
        options: Reflect.getMetadata(BOOTSTRAP_STEP, w.metatype!) as BootstrapStepOptions,
        runner: w.instance as BootstrapRunner,
      }))
      .sort((a, b) => a.options.order - b.options.order);
  }

  /** Reference data, the bootstrap admin and (on an empty database) the demo data. */
  async runSteps(): Promise<void> {
    for (const { options, runner } of this.steps()) {
      if (options.onlyOnBootstrap && !this.config.bootstrap) continue;
      const started = Date.now();
      await runner.run();
      this.logger.log(`${options.name} ready (${Date.now() - started} ms)`);
    }
  }
}
