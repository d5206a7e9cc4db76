import { Logger, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { Deployment, deploymentOf, readDeploymentId } from '../platform/database/deployment';
import { migrateUnderLock } from './migrate';

/**
 * Resolves the deployment while the app is built, before anything that names a Redis key
 * (queues, workers, rate limits) is constructed: those inject `Deployment`, so Nest cannot make
 * them earlier. A bootstrapping process migrates first (the table must exist to hold the id);
 * the others wait for the table. The resolved prefix is written back into AppConfig for the
 * readers that take it from there per call (web sessions).
 */
export const DEPLOYMENT_PROVIDER: Provider = {
  provide: Deployment,
  inject: [getDataSourceToken(), AppConfig],
  useFactory: async (dataSource: DataSource, config: AppConfig): Promise<Deployment> => {
    if (config.bootstrap) await migrateUnderLock(dataSource);
    const deployment = deploymentOf(await readDeploymentId(dataSource), config.queuePrefixOverride);
    config.queuePrefix = deployment.queuePrefix;
    new Logger('Deployment').log(
      `Deployment ${deployment.id}, queue prefix ${deployment.queuePrefix}` +
        (deployment.prefixExplicit ? ' (LEYE_QUEUE_PREFIX)' : ''),
    );
    return deployment;
  },
};
