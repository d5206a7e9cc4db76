import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';
import { RegionsReferenceStep } from './regions.reference-step';

@Module({
  controllers: [RegionsController],
  providers: [RegionsService, RegionsReferenceStep],
  exports: [RegionsService],
})
export class RegionsModule {}
