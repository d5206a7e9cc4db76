import { Module } from '@nestjs/common';
import { EmployersModule } from '../../employers/employers.module';
import { ImportsModule } from '../../imports/imports.module';
import { MatchingModule } from '../../matching/matching.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { PlacementsModule } from '../../placements/placements.module';
import { RegionsModule } from '../../regions/regions.module';
import { ReportsModule } from '../../reports/reports.module';
import { ResidentsModule } from '../../residents/residents.module';
import { SkillsModule } from '../../skills/skills.module';
import { OfficerPagesController } from './officer-pages.controller';
import { OfficerServices } from './officer-services';

/** The officer's pages (`/officer/…`); OfficerServices bundles the feature services they call. */
@Module({
  imports: [
    EmployersModule,
    ImportsModule,
    MatchingModule,
    NotificationsModule,
    PlacementsModule,
    RegionsModule,
    ReportsModule,
    ResidentsModule,
    SkillsModule,
  ],
  controllers: [OfficerPagesController],
  providers: [OfficerServices],
})
export class OfficerPagesModule {}
