import { Module } from '@nestjs/common';
import { CommuteModule } from '../commute/commute.module';
import { EmployersModule } from '../employers/employers.module';
import { RegionsModule } from '../regions/regions.module';
import { SkillsModule } from '../skills/skills.module';
import { ExpirePostingsJob } from './expire-postings.job';
import { PostingSearchService } from './posting-search.service';
import { PostingsController } from './postings.controller';
import { PostingsDirectory } from './postings-directory';
import { PostingsRepository } from './postings.repository';
import { PostingsService } from './postings.service';
import { SkillTermsProvider } from './skill-terms.provider';

@Module({
  imports: [CommuteModule, EmployersModule, RegionsModule, SkillsModule],
  controllers: [PostingsController],
  providers: [
    PostingsService,
    PostingsDirectory,
    PostingsRepository,
    PostingSearchService,
    SkillTermsProvider,
    ExpirePostingsJob,
  ],
  exports: [PostingsService, PostingsDirectory, PostingSearchService],
})
export class PostingsModule {}
