import { Module } from '@nestjs/common';
import { CooperationModule } from '../../../programmes/cooperation/cooperation.module';
import { RegionsModule } from '../../../regions/regions.module';
import { ResidentsModule } from '../../../residents/residents.module';
import { LiaisonPagesController } from '../../liaison/liaison-pages.controller';
import { CooperationPagesController } from './cooperation-pages.controller';

/**
 * The officers' /officer/programmes/cooperation pages and the liaison officer's /liaison: a web
 * module, so the cooperation feature never imports web (src/README.md).
 */
@Module({
  imports: [CooperationModule, RegionsModule, ResidentsModule],
  controllers: [CooperationPagesController, LiaisonPagesController],
})
export class CooperationPagesModule {}
