import { Module } from '@nestjs/common';
import { SkillsController } from './skills.controller';
import { SkillsReferenceStep } from './skills.reference-step';
import { SkillsRepository } from './skills.repository';
import { SkillsService } from './skills.service';

@Module({
  controllers: [SkillsController],
  providers: [SkillsRepository, SkillsService, SkillsReferenceStep],
  exports: [SkillsService],
})
export class SkillsModule {}
