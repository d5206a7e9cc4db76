import { Module } from '@nestjs/common';
import { CooperationModule } from '../../../programmes/cooperation/cooperation.module';
import { RegionsModule } from '../../../regions/regions.module';
import { ResidentsModule } from '../../../residents/residents.module';
import { CooperationPagesController } from './cooperation-pages.controller';

/**
 * The officers' /officer/programmes/cooperation pages: a web module, so the cooperation feature
 * never imports web (src/README.md). The liaison officer's /liaison is web/liaison's own module.
 */
@Module({
  imports: [CooperationModule, RegionsModule, ResidentsModule],
  controllers: [CooperationPagesController],
})
export class CooperationPagesModule {}
