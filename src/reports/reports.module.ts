import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { DashboardService } from './dashboard.service';
import { ExportsService } from './exports.service';
import { IndicatorsService } from './indicators.service';
import { JobChoicesService } from './job-choices.service';
import { ReportsController } from './reports.controller';

/** Indicators, dashboards and Excel exports (issue 5 items 5 and 6). Reads other modules' tables in SQL only. */
@Module({
  imports: [RegionsModule],
  controllers: [ReportsController],
  providers: [IndicatorsService, DashboardService, ExportsService, JobChoicesService],
  exports: [IndicatorsService, DashboardService, JobChoicesService],
})
export class ReportsModule {}
