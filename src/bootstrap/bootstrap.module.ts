import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AdminBootstrapStep } from './admin.bootstrap-step';
import { BootstrapService } from './bootstrap.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [BootstrapService, AdminBootstrapStep],
  exports: [BootstrapService],
})
export class BootstrapModule {}
