import { Module } from '@nestjs/common';
import { RegionsModule } from '../../regions/regions.module';
import { SkillsModule } from '../../skills/skills.module';
import { TrainingModule } from '../../training/training.module';
import { ProviderPagesController } from './provider-pages.controller';

/** The training provider's pages (`/provider/…`): courses, sessions, attendance and completion. */
@Module({
  imports: [TrainingModule, SkillsModule, RegionsModule],
  controllers: [ProviderPagesController],
})
export class ProviderPagesModule {}
