import { Module } from '@nestjs/common';
import { CommuteModule } from '../../../commute/commute.module';
import { EmployersModule } from '../../../employers/employers.module';
import { RegionsModule } from '../../../regions/regions.module';
import { TravelTimesPagesController } from './travel-times-pages.controller';

/** The officer's travel-times pages (`/officer/travel-times`, `/officer/sites/:id/travel-times…`). */
@Module({
  imports: [CommuteModule, RegionsModule, EmployersModule],
  controllers: [TravelTimesPagesController],
})
export class CommutePagesModule {}
