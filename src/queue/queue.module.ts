import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueue } from './job-queue.service';
import { SchedulerService } from './scheduler.service';
import { WorkerService } from './worker.service';
import { PrefixSharing } from './prefix-sharing';
import { PurgeExpiredSessionsJob } from './purge-expired-sessions.job';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobQueue, WorkerService, SchedulerService, PrefixSharing, PurgeExpiredSessionsJob],
  exports: [JobQueue, WorkerService, SchedulerService, PrefixSharing],
})
export class QueueModule {}
