import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostingsModule } from '../postings/postings.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { AtRiskAlerts } from './at-risk-alerts';
import { CreateFollowUpsJob } from './create-follow-ups.job';
import { EmployerPlacements } from './employer-placements';
import { EmploymentPolicy } from './employment-policy';
import { FollowUpTasksRepository } from './follow-up-tasks.repository';
import { FollowUpsService } from './follow-ups.service';
import { PlacementHistory } from './placement-history';
import { PlacementsController } from './placements.controller';
import { PlacementsDirectory } from './placements-directory';
import { PlacementsDirectoryRepository } from './placements-directory.repository';
import { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

/**
 * Placements, follow-ups (tasks at 1, 3 and 6 months), household employment on every change and
 * the at-risk alert. Exports PlacementsService (createFromHire, assertPublicWelfareEligible) and
 * EmploymentPolicy for the applications module.
 */
@Module({
  imports: [EmployersModule, NotificationsModule, PostingsModule, RegionsModule, ResidentsModule],
  controllers: [PlacementsController],
  providers: [
    PlacementsRepository,
    FollowUpTasksRepository,
    PlacementsService,
    FollowUpsService,
    AtRiskAlerts,
    EmploymentPolicy,
    CreateFollowUpsJob,
    EmployerPlacements,
    PlacementHistory,
    PlacementsDirectoryRepository,
    PlacementsDirectory,
  ],
  exports: [
    PlacementsService,
    EmploymentPolicy,
    FollowUpsService,
    EmployerPlacements,
    PlacementHistory,
    PlacementsDirectory,
  ],
})
export class PlacementsModule {}
