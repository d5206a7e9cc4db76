import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { RegionsModule } from '../regions/regions.module';
import { CommuteDirectory } from './commute-directory';
import { CommuteRepository } from './commute.repository';
import { CommuteSettings } from './commute-settings';
import { TravelTimesController, TravelTimesExcelController } from './travel-times.controller';
import { TravelTimesExcel } from './travel-times-excel';
import { TravelTimesService } from './travel-times.service';

/** Commute time (issue 16): the sites' travel-times tables, the estimate, the planner. */
@Module({
  imports: [RegionsModule, EmployersModule],
  controllers: [TravelTimesController, TravelTimesExcelController],
  providers: [CommuteRepository, CommuteSettings, CommuteDirectory, TravelTimesService, TravelTimesExcel],
  exports: [CommuteDirectory, CommuteSettings, TravelTimesService, TravelTimesExcel],
})
export class CommuteModule {}
