import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { SkillsModule } from '../skills/skills.module';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';
import { RecomputeHouseholdsJob } from './recompute-households.job';
import { ResidentRoster } from './resident-roster';
import { ResidentVersions } from './resident-versions';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

/** Households, residents, skill profiles, preferences, consent; installs the resident registrar. */
@Module({
  imports: [RegionsModule, SkillsModule],
  controllers: [HouseholdsController, ResidentsController],
  providers: [HouseholdsService, ResidentsService, ResidentVersions, ResidentRoster, RecomputeHouseholdsJob],
  exports: [ResidentsService, HouseholdsService],
})
export class ResidentsModule {}
