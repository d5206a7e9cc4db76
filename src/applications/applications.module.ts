import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlacementsModule } from '../placements/placements.module';
import { PostingsModule } from '../postings/postings.module';
import { ResidentsModule } from '../residents/residents.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/**
 * Applications and the hiring pipeline. Exports ApplicationsService for matching
 * (`createReferral(manager, { postingId, residentId, officer })`); imports nothing from matching.
 */
@Module({
  imports: [EmployersModule, NotificationsModule, PlacementsModule, PostingsModule, ResidentsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
