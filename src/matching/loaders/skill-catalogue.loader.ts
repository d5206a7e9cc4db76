import { Injectable } from '@nestjs/common';
import type { SkillName } from '../engine';
import { SkillsService } from '../../skills/skills.service';

export interface SkillCatalogue {
  /** Every taxonomy code: the candidate set's skill index, so any posting's skill has a slot. */
  codes: string[];
  names: Map<string, SkillName>;
}

/** The skill taxonomy as the engine wants it (codes in a fixed order, names for reasons). */
@Injectable()
export class SkillCatalogueLoader {
  constructor(private readonly skills: SkillsService) {}

  async load(): Promise<SkillCatalogue> {
    const all = await this.skills.all();
    const codes = [...all.keys()].sort();
    const names = new Map<string, SkillName>();
    for (const [code, s] of all) names.set(code, { zh: s.nameZh, en: s.nameEn });
    return { codes, names };
  }
}
