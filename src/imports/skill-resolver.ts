import type { Skill } from '../skills/skill.entity';
import type { SkillResolver } from './roster-row';

/** Matches codes, Chinese and English names and synonyms, ignoring case and spaces. */
export function skillResolver(skills: Iterable<Skill>): SkillResolver {
  const byName = new Map<string, string>();
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');
  for (const s of skills) {
    for (const n of [...s.synonyms, s.nameEn, s.nameZh, s.code]) if (n) byName.set(key(n), s.code);
  }
  return { resolve: (name) => byName.get(key(name)) ?? null };
}
