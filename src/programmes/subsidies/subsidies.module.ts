import { Module } from '@nestjs/common';
import { PlacementsModule } from '../../placements/placements.module';
import { RegionsModule } from '../../regions/regions.module';
import { ResidentsModule } from '../../residents/residents.module';
import { TrainingModule } from '../../training/training.module';
import { SubsidiesController } from './subsidies.controller';
import { SubsidiesRepository } from './subsidies.repository';
import { SubsidiesService } from './subsidies.service';
import { SubsidiesSettings } from './subsidies-settings';
import { SubsidyNoticeService } from './subsidy-notice.service';

/**
 * Subsidies with their evidence (issue 17 §2): eligibility from placements, follow-ups,
 * attendance and household status; evidence marks; claims in batches; the notice roster.
 */
@Module({
  imports: [PlacementsModule, RegionsModule, ResidentsModule, TrainingModule],
  controllers: [SubsidiesController],
  providers: [SubsidiesRepository, SubsidiesSettings, SubsidiesService, SubsidyNoticeService],
  exports: [SubsidiesService],
})
export class SubsidiesModule {}
