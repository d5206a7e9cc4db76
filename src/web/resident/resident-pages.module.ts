import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { EmployersModule } from '../../employers/employers.module';
import { CandidateLoader } from '../../matching/loaders/candidate.loader';
import { SkillCatalogueLoader } from '../../matching/loaders/skill-catalogue.loader';
import { MatchingSettings } from '../../matching/matching-settings';
import { RecommendationsService } from '../../matching/recommendations.service';
import { InboxService } from '../../notifications/inbox.service';
import { PostingSearchService } from '../../postings/posting-search.service';
import { PostingsModule } from '../../postings/postings.module';
import { SkillTermsProvider } from '../../postings/skill-terms.provider';
import { RegionsModule } from '../../regions/regions.module';
import { ResidentsModule } from '../../residents/residents.module';
import { SkillsModule } from '../../skills/skills.module';
import { TrainingModule } from '../../training/training.module';
import { ResidentPagesController } from './resident-pages.controller';

/**
 * The resident's pages. PostingSearchService, RecommendationsService and InboxService are not
 * exported by their modules (which own them); they are stateless readers over the injected
 * DataSource, so this module provides its own instances rather than reaching into those modules.
 */
@Module({
  imports: [
    ApplicationsModule,
    EmployersModule,
    PostingsModule,
    RegionsModule,
    ResidentsModule,
    SkillsModule,
    TrainingModule,
  ],
  controllers: [ResidentPagesController],
  providers: [
    PostingSearchService,
    SkillTermsProvider,
    RecommendationsService,
    CandidateLoader,
    SkillCatalogueLoader,
    MatchingSettings,
    InboxService,
  ],
})
export class ResidentPagesModule {}
