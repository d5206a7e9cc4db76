import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueue } from './job-queue.service';
import { OutboxRouter } from './outbox-router';
import { SchedulerService } from './scheduler.service';
import { WorkerService } from './worker.service';
import { PrefixSharing } from './prefix-sharing';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobQueue,
    WorkerService,
    SchedulerService,
    PrefixSharing,
    OutboxRouter,
  ],
  exports: [JobQueue, WorkerService, SchedulerService, PrefixSharing, OutboxRouter],
})
export class QueueModule {}
