import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { EmployersModule } from '../../employers/employers.module';
import { MatchingModule } from '../../matching/matching.module';
import { PostingsModule } from '../../postings/postings.module';
import { RegionsModule } from '../../regions/regions.module';
import { SkillsModule } from '../../skills/skills.module';
import { CompanyPagesController } from './company-pages.controller';
import { HiringPagesController } from './hiring-pages.controller';
import { PostingPagesController } from './posting-pages.controller';

/** The employer's pages; they call the services the owning modules export. */
@Module({
  imports: [ApplicationsModule, EmployersModule, MatchingModule, PostingsModule, RegionsModule, SkillsModule],
  controllers: [CompanyPagesController, PostingPagesController, HiringPagesController],
})
export class EmployerPagesModule {}
