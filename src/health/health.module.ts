import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { MetricsService } from './metrics.service';

@Module({
  // GET /metrics is mounted in http-app.ts (mountMetrics): it takes a token, not a user.
  controllers: [HealthController],
  providers: [HealthRepository, MetricsService],
  exports: [MetricsService],
})
export class HealthModule {}
