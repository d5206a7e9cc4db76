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
import { DashboardPagesController } from './dashboard/dashboard-pages.controller';
import { EmployersPagesController } from './employers/employers-pages.controller';
import { ExportsPagesController } from './exports/exports-pages.controller';
import { HouseholdsPagesController } from './households/households-pages.controller';
import { ImportsPagesController } from './imports/imports-pages.controller';
import { LinkClaimsPagesController } from './link-claims/link-claims-pages.controller';
import { MatchesPagesController } from './matches/matches-pages.controller';
import { NotificationsPagesController } from './notifications/notifications-pages.controller';
import { OfficerSites } from './officer-sites';
import { PlacementsPagesController } from './placements/placements-pages.controller';
import { ResidentPagesController } from './residents/resident-pages.controller';

/**
 * The officer's pages (`/officer/…`), one controller per page group, each injecting the feature
 * services it calls (exported by the modules imported here) — the same instances the API
 * controllers call, so scope checks and audit entries are the API's.
 */
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
  controllers: [
    DashboardPagesController,
    HouseholdsPagesController,
    MatchesPagesController,
    PlacementsPagesController,
    NotificationsPagesController,
    EmployersPagesController,
    ImportsPagesController,
    ExportsPagesController,
    ResidentPagesController,
    LinkClaimsPagesController,
    CasesPagesController,
  ],
  providers: [OfficerSites],
})
export class OfficerPagesModule {}
