import { Injectable } from '@nestjs/common';
import { BootstrapStep, type BootstrapRunner } from '../bootstrap/bootstrap-step';
import { SkillsService } from './skills.service';

@Injectable()
@BootstrapStep({ order: 20, name: 'skill taxonomy' })
export class SkillsReferenceStep implements BootstrapRunner {
  constructor(private readonly skills: SkillsService) {}
  async run(): Promise<void> {
    await this.skills.loadTaxonomy();
  }
}
