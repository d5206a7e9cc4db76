import { Injectable } from '@nestjs/common';
import type { Skill } from '../skills/skill.entity';
import { SkillsService } from '../skills/skills.service';
import { SkillTerms } from './posting-search-text';

/** The skill words of the taxonomy, rebuilt when SkillsService reloads it. */
@Injectable()
export class SkillTermsProvider {
  private built: { from: Map<string, Skill>; terms: SkillTerms } | null = null;

  constructor(private readonly skills: SkillsService) {}

  async terms(): Promise<SkillTerms> {
    const all = await this.skills.all();
    if (this.built?.from !== all) this.built = { from: all, terms: new SkillTerms(all.values()) };
    return this.built.terms;
  }
}
