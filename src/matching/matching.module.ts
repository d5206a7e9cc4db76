import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CommuteModule } from '../commute/commute.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostingsModule } from '../postings/postings.module';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { SkillsModule } from '../skills/skills.module';
import { TrainingModule } from '../training/training.module';
import { MatchingJobsRepository } from './jobs/matching-jobs.repository';
import { RankPostingJob } from './jobs/rank-posting.job';
import { RankResidentJob } from './jobs/rank-resident.job';
import { RerankAllJob } from './jobs/rerank-all.job';
import { PruneMatchingChangesJob } from './jobs/prune-matching-changes.job';
import { RerankPostingsJob } from './jobs/rerank-postings.job';
import { RerankSiteTripsJob, SiteTripsOutboxRoutes } from './jobs/rerank-site-trips.job';
import { CandidateLoader } from './loaders/candidate.loader';
import { PostingLoader } from './loaders/posting.loader';
import { SkillCatalogueLoader } from './loaders/skill-catalogue.loader';
import { MatchNotifier } from './match-notifier';
import { MatchesController } from './matches.controller';
import { MatchesRepository } from './matches.repository';
import { MatchesService } from './matches.service';
import { MatchingOutboxRoutes } from './matching-outbox-routes';
import { MatchingSettings } from './matching-settings';
import { PostingListWriter } from './posting-list-writer';
import { RankingRepository } from './ranking.repository';
import { RankingService } from './ranking.service';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';
import { ResidentRanker } from './resident-ranker';
import { ResidentSideWriter } from './resident-side-writer';
import { MatchStore } from './results/match-store';
import { RecommendationStore } from './results/recommendation-store';

/**
 * The matching worker around the pure engine (DESIGN.md "The matching worker"): loaders, the
 * rank-posting / rank-resident / rerank-all (+ its rerank-postings batches) jobs, stored results, notifications, and the
 * matches / recommendations API with the officers' refer and dismiss tools.
 */
@Module({
  imports: [
    ApplicationsModule,
    CommuteModule,
    NotificationsModule,
    PostingsModule,
    RegionsModule,
    ResidentsModule,
    SkillsModule,
    TrainingModule,
  ],
  controllers: [MatchesController],
  providers: [
    MatchingOutboxRoutes,
    MatchingSettings,
    CandidateLoader,
    PostingLoader,
    SkillCatalogueLoader,
    RankingRepository,
    MatchesRepository,
    RecommendationsRepository,
    MatchingJobsRepository,
    MatchStore,
    RecommendationStore,
    MatchNotifier,
    ResidentRanker,
    PostingListWriter,
    ResidentSideWriter,
    RankingService,
    MatchesService,
    RecommendationsService,
    RankPostingJob,
    RankResidentJob,
    RerankAllJob,
    RerankPostingsJob,
    PruneMatchingChangesJob,
    SiteTripsOutboxRoutes,
    RerankSiteTripsJob,
  ],
  exports: [RankingService, MatchesService, RecommendationsService],
})
export class MatchingModule {}
