import { Module } from '@nestjs/common';
import { EmployersModule } from '../../employers/employers.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { PlacementsModule } from '../../placements/placements.module';
import { RegionsModule } from '../../regions/regions.module';
import { WorkshopMonitor } from './workshop-monitor';
import { WorkshopSettings } from './workshop-settings';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsDailyJob } from './workshops-daily.job';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

/** Poverty-alleviation workshops (issue 17 §1): the register and its quarterly state. */
@Module({
  imports: [EmployersModule, NotificationsModule, PlacementsModule, RegionsModule],
  controllers: [WorkshopsController],
  providers: [WorkshopsRepository, WorkshopSettings, WorkshopMonitor, WorkshopsService, WorkshopsDailyJob],
  exports: [WorkshopsService],
})
export class WorkshopsModule {}
