import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Deployment } from '../platform/database/deployment';
import { AdminBootstrapStep } from './admin.bootstrap-step';
import { BootstrapService } from './bootstrap.service';
import { DEPLOYMENT_PROVIDER } from './deployment.provider';
import { Migrator } from './migrator';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [Migrator, BootstrapService, AdminBootstrapStep, DEPLOYMENT_PROVIDER],
  exports: [BootstrapService, Deployment],
})
export class BootstrapModule {}
