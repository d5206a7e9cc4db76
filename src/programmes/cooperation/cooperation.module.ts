import { Module } from '@nestjs/common';
import { EmployersModule } from '../../employers/employers.module';
import { RegionsModule } from '../../regions/regions.module';
import { PlacementsModule } from '../../placements/placements.module';
import { PostingsModule } from '../../postings/postings.module';
import { ResidentsModule } from '../../residents/residents.module';
import { BatchesService } from './batches.service';
import { CooperationController } from './cooperation.controller';
import { CooperationReadsService } from './cooperation-reads.service';
import { CooperationRepository } from './cooperation.repository';
import { CooperationSettings } from './cooperation-settings';
import { FairsService } from './fairs.service';

/**
 * East–west labour cooperation (issue 17 §3). Its pages are in web/officer/programmes/
 * cooperation-pages.module.ts (officers' /officer/programmes/cooperation) and
 * web/liaison/liaison-pages.module.ts (the liaison officer's /liaison).
 * Exports the services those pages call, and CooperationReadsService (months of work).
 */
@Module({
  imports: [EmployersModule, PlacementsModule, PostingsModule, RegionsModule, ResidentsModule],
  controllers: [CooperationController],
  providers: [CooperationRepository, CooperationSettings, BatchesService, CooperationReadsService, FairsService],
  exports: [BatchesService, FairsService, CooperationReadsService, CooperationSettings],
})
export class CooperationModule {}
