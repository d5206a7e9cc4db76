import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { CaseworkModule } from '../../casework/casework.module';
import { ContactsModule } from '../../contacts/contacts.module';
import { EmployersModule } from '../../employers/employers.module';
import { ImportsModule } from '../../imports/imports.module';
import { MatchingModule } from '../../matching/matching.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { PlacementsModule } from '../../placements/placements.module';
import { RegionsModule } from '../../regions/regions.module';
import { ReportsModule } from '../../reports/reports.module';
import { ResidentsModule } from '../../residents/residents.module';
import { SkillsModule } from '../../skills/skills.module';
import { CasesPagesController } from './cases/cases-pages.controller';
import { LinkClaimsPagesController } from './link-claims-pages.controller';
import { OfficerPagesController } from './officer-pages.controller';
import { OfficerServices } from './officer-services';
import { ResidentPagesController } from './resident-pages.controller';

/** The officer's pages (`/officer/…`); OfficerServices bundles the feature services they call. */
@Module({
  imports: [
    ApplicationsModule,
    CaseworkModule,
    ContactsModule,
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
  controllers: [OfficerPagesController, ResidentPagesController, LinkClaimsPagesController, CasesPagesController],
  providers: [OfficerServices],
})
export class OfficerPagesModule {}
