import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { EmployersModule } from '../../employers/employers.module';
import { MatchesService } from '../../matching/matches.service';
import { PostingsModule } from '../../postings/postings.module';
import { RegionsModule } from '../../regions/regions.module';
import { SkillsModule } from '../../skills/skills.module';
import { EmployerPagesController } from './employer-pages.controller';

/**
 * The employer's pages. MatchesService is not exported by MatchingModule; it is a stateless
 * reader over the DataSource plus exported services, so this module provides its own instance.
 */
@Module({
  imports: [ApplicationsModule, EmployersModule, PostingsModule, RegionsModule, SkillsModule],
  controllers: [EmployerPagesController],
  providers: [MatchesService],
})
export class EmployerPagesModule {}
