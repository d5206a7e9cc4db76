import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { AdminPagesModule } from './admin/admin-pages.module';
import { AuthPagesController } from './auth-pages.controller';
import { EmployerPagesModule } from './employer/employer-pages.module';
import { HomePagesController } from './home-pages.controller';
import { OfficerPagesModule } from './officer/officer-pages.module';
import { CommutePagesModule } from './officer/commute/commute-pages.module';
import { WorkshopsPagesModule } from './officer/programmes/workshops-pages.module';
import { CooperationPagesModule } from './officer/programmes/cooperation-pages.module';
import { LiaisonPagesModule } from './liaison/liaison-pages.module';
import { ProviderPagesModule } from './provider/provider-pages.module';
import { ResidentsModule } from '../residents/residents.module';
import { ResidentLinkPagesController } from './resident-link-pages.controller';
import { ResidentPagesModule } from './resident/resident-pages.module';

/**
 * Server-rendered pages (DESIGN.md "The web"). Pages call the feature modules' services; they
 * never reach into repositories. Plugins and hooks: web-setup.tsx; error pages:
 * web-exception.filter.tsx (both installed by configureHttpApp).
 */
@Module({
  imports: [
    RegionsModule,
    ResidentsModule,
    ResidentPagesModule,
    EmployerPagesModule,
    OfficerPagesModule,
    CommutePagesModule,
    WorkshopsPagesModule,
    CooperationPagesModule,
    LiaisonPagesModule,
    ProviderPagesModule,
    AdminPagesModule,
  ],
  controllers: [AuthPagesController, HomePagesController, ResidentLinkPagesController],
})
export class WebModule {}
