import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { CommuteModule } from '../../commute/commute.module';
import { MatchingModule } from '../../matching/matching.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { PostingsModule } from '../../postings/postings.module';
import { RegionsModule } from '../../regions/regions.module';
import { ResidentsModule } from '../../residents/residents.module';
import { SkillsModule } from '../../skills/skills.module';
import { JobsPagesController } from './jobs-pages.controller';
import { MyPagesController } from './my-pages.controller';
import { ResidentTravel } from './resident-travel';

/** The resident's pages; they call the services the owning modules export. */
@Module({
  imports: [
    ApplicationsModule,
    CommuteModule,
    MatchingModule,
    NotificationsModule,
    PostingsModule,
    RegionsModule,
    ResidentsModule,
    SkillsModule,
  ],
  controllers: [JobsPagesController, MyPagesController],
  providers: [ResidentTravel],
})
export class ResidentPagesModule {}
