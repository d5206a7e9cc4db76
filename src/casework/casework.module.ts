import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlacementsModule } from '../placements/placements.module';
import { PostingsModule } from '../postings/postings.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { TrainingModule } from '../training/training.module';
import { CaseAccess } from './case-access';
import { CaseActionsService } from './case-actions.service';
import { CaseBackfillStep } from './case-backfill.step';
import { CaseDashboardService } from './case-dashboard.service';
import { CaseServicesRepository } from './case-services.repository';
import { CaseClockService } from './case-clock.service';
import { CaseRecords } from './case-records';
import { CaseExportService } from './case-export.service';
import { CaseOpeningService } from './case-opening.service';
import { CaseReadsService } from './case-reads.service';
import { CasesController } from './cases.controller';
import { CaseworkRepository } from './casework.repository';
import { CaseworkSettings } from './casework-settings';
import { CaseworkDailyJob } from './jobs/casework-daily.job';
import { CaseworkSyncHouseholdJob } from './jobs/casework-sync-household.job';

/** Zero-employment casework (issue 15): cases that open themselves, the ledger, the clock. */
@Module({
  imports: [
    ApplicationsModule,
    NotificationsModule,
    PlacementsModule,
    PostingsModule,
    RegionsModule,
    ResidentsModule,
    TrainingModule,
  ],
  controllers: [CasesController],
  providers: [
    CaseworkRepository,
    CaseServicesRepository,
    CaseRecords,
    CaseworkSettings,
    CaseAccess,
    CaseOpeningService,
    CaseReadsService,
    CaseActionsService,
    CaseClockService,
    CaseExportService,
    CaseDashboardService,
    CaseBackfillStep,
    CaseworkSyncHouseholdJob,
    CaseworkDailyJob,
  ],
  exports: [CaseReadsService, CaseActionsService, CaseDashboardService],
})
export class CaseworkModule {}
