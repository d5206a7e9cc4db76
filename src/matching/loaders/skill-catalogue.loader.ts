import { Injectable } from '@nestjs/common';
import type { SkillName } from '../engine';
import { SkillsService } from '../../skills/skills.service';

export interface SkillCatalogue {
  /** Every taxonomy code: the candidate set's skill index, so any posting's skill has a slot. */
  codes: string[];
  names: Map<string, SkillName>;
}

/**
 * The skill taxonomy as the engine wants it (codes in a fixed order, names for reasons). Built
 * once per taxonomy SkillsService holds (it replaces its map when the taxonomy is reloaded), not
 * once per ranking job; the same object each time also lets callers memoise on it.
 */
@Injectable()
export class SkillCatalogueLoader {
  private built: { from: Map<string, unknown>; catalogue: SkillCatalogue } | null = null;

  constructor(private readonly skills: SkillsService) {}

  async load(): Promise<SkillCatalogue> {
    const all = await this.skills.all();
    if (this.built?.from === all) return this.built.catalogue;
    const codes = [...all.keys()].sort();
    const names = new Map<string, SkillName>();
    for (const [code, s] of all) names.set(code, { zh: s.nameZh, en: s.nameEn });
    this.built = { from: all, catalogue: { codes, names } };
    return this.built.catalogue;
  }
}
