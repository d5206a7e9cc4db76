import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlacementsModule } from '../placements/placements.module';
import { PostingsModule } from '../postings/postings.module';
import { ResidentsModule } from '../residents/residents.module';
import { ApplicationIntake } from './application-intake.service';
import { ApplicationNotices } from './application-notices';
import { ApplicationPipeline } from './application-pipeline.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsDirectory } from './applications-directory';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { OfficerReferralsRepository } from './officer-referrals.repository';

/**
 * Applications and the hiring pipeline. Exports ApplicationsService for the pages and
 * ApplicationIntake for matching (`createReferral(manager, { postingId, residentId, officer })`);
 * imports nothing from matching.
 */
@Module({
  imports: [EmployersModule, NotificationsModule, PlacementsModule, PostingsModule, ResidentsModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    ApplicationIntake,
    ApplicationPipeline,
    ApplicationNotices,
    ApplicationsRepository,
    OfficerReferralsRepository,
    ApplicationsDirectory,
  ],
  exports: [ApplicationsService, ApplicationIntake, ApplicationsDirectory],
})
export class ApplicationsModule {}
