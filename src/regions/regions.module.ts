import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsDirectory } from './regions-directory';
import { RegionsDirectoryRepository } from './regions-directory.repository';
import { RegionsRepository } from './regions.repository';
import { RegionsService } from './regions.service';
import { RegionsReferenceStep } from './regions.reference-step';

@Module({
  controllers: [RegionsController],
  providers: [RegionsRepository, RegionsService, RegionsReferenceStep, RegionsDirectoryRepository, RegionsDirectory],
  exports: [RegionsService, RegionsDirectory],
})
export class RegionsModule {}
