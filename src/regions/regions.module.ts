import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';
import { RegionsService } from './regions.service';
import { RegionsReferenceStep } from './regions.reference-step';

@Module({
  controllers: [RegionsController],
  providers: [RegionsRepository, RegionsService, RegionsReferenceStep],
  exports: [RegionsService],
})
export class RegionsModule {}
