import { Module } from '@nestjs/common';
import { CommuteModule } from '../commute/commute.module';
import { EmployersModule } from '../employers/employers.module';
import { RegionsModule } from '../regions/regions.module';
import { SkillsModule } from '../skills/skills.module';
import { ExpirePostingsJob } from './expire-postings.job';
import { PostingSearchService } from './posting-search.service';
import { PostingsController } from './postings.controller';
import { PostingsService } from './postings.service';
import { SkillTermsProvider } from './skill-terms.provider';

@Module({
  imports: [CommuteModule, EmployersModule, RegionsModule, SkillsModule],
  controllers: [PostingsController],
  providers: [PostingsService, PostingSearchService, SkillTermsProvider, ExpirePostingsJob],
  exports: [PostingsService, PostingSearchService],
})
export class PostingsModule {}
