import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { JobChoicesService } from './job-choices.service';
import { ReportsController } from './reports.controller';

/**
 * Indicators, dashboards and Excel exports (issue 5 items 5 and 6). Reads other modules' tables in
 * SQL, only through its own repositories (a declared reader, src/README.md).
 */
@Module({
  imports: [RegionsModule],
  controllers: [ReportsController],
  providers: [
    IndicatorsRepository,
    DashboardRepository,
    ExportsRepository,
    IndicatorsService,
    DashboardService,
    ExportsService,
    JobChoicesService,
  ],
  exports: [IndicatorsService, DashboardService, JobChoicesService],
})
export class ReportsModule {}
