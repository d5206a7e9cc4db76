import { Injectable, Logger } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { Skill } from './skill.entity';
import { SKILL_CATEGORIES, SKILL_CATEGORY_CODES, type SkillCategory } from './skill-categories';
import { SkillCategoryDto, SkillDto } from './skill.dto';
import { skillQuery } from './skill-search';
import { skillSearchTokens } from './skill-tokens';
import { SkillsRepository } from './skills.repository';
import { parseTaxonomy, type SkillYaml } from './taxonomy';

export type { SkillYaml } from './taxonomy';
export { SkillDto, SkillCategoryDto } from './skill.dto';

/** At most this many skills answer a non-empty query (a picker shows a short list). */
export const SKILL_SEARCH_LIMIT = 50;

const CATEGORY_ORDER = new Map<string, number>(SKILL_CATEGORY_CODES.map((c, i) => [c, i]));

function toDto(s: Skill): SkillDto {
  return {
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    category: s.category,
    synonyms: s.synonyms,
    certificate: s.certificate ?? null,
  };
}

@Injectable()
export class SkillsService {
  private readonly logger = new Logger('SkillsService');
  private cache: Map<string, Skill> | null = null;

  constructor(
    private readonly repo: SkillsRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Loads config/skills.yaml into the skill table (upsert; codes are never deleted, they are
   * referenced). A malformed file throws a TaxonomyError naming the entry, before any write.
   */
  async loadTaxonomy(): Promise<number> {
    const entries = parseTaxonomy(this.config.readYaml<unknown>('skills.yaml'));
    const rows = entries.map((s: SkillYaml) =>
      Object.assign(new Skill(), {
        code: s.code,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        category: s.category,
        synonyms: s.synonyms ?? [],
        certificate: s.certificate ?? null,
        searchTokens: skillSearchTokens(s),
      }),
    );
    await this.repo.upsert(rows);
    this.cache = null;
    this.logger.log(`skill taxonomy: ${rows.length} skills`);
    return rows.length;
  }

  async all(): Promise<Map<string, Skill>> {
    if (!this.cache) {
      const rows = await this.repo.all();
      this.cache = new Map(rows.map((r) => [r.code, r]));
    }
    return this.cache;
  }

  /** The skills of these codes; a 400 naming the field when one is unknown. */
  async requireCodes(codes: string[], field: string): Promise<Map<string, Skill>> {
    const all = await this.all();
    const out = new Map<string, Skill>();
    codes.forEach((code, i) => {
      const s = all.get(code);
      if (!s) throw new InvalidInputError(`${field}[${i}].code`, `unknown skill code ${code}`);
      out.set(code, s);
    });
    return out;
  }

  /** Names and synonyms of a skill, for posting search tokens. */
  async textsOf(codes: string[]): Promise<string[]> {
    const all = await this.all();
    return codes.flatMap((c) => {
      const s = all.get(c);
      return s ? [s.nameZh, ...s.synonyms] : [];
    });
  }

  /**
   * Finds skills by Chinese name, synonym, pinyin (full "caicha", initials "cc", prefix "cai"),
   * English name or code; best first, at most SKILL_SEARCH_LIMIT. A blank query lists every
   * skill by category.
   */
  async search(q: string | undefined): Promise<SkillDto[]> {
    const query = skillQuery(q);
    if (!query) {
      return [...(await this.all()).values()]
        .sort(
          (a, b) =>
            (CATEGORY_ORDER.get(a.category) ?? 99) - (CATEGORY_ORDER.get(b.category) ?? 99) ||
            a.code.localeCompare(b.code),
        )
        .map(toDto);
    }
    if (!query.groups.length) return [];
    const rows = await this.repo.search(query, SKILL_SEARCH_LIMIT);
    // A skill matching every word beats any partial match; partial matches only answer when no
    // skill matches every word.
    const best = rows.length ? Number(rows[0].hits) : 0;
    return rows
      .filter((r) => Number(r.hits) === best)
      .map(({ code, nameZh, nameEn, category, synonyms, certificate }) => ({
        code,
        nameZh,
        nameEn,
        category,
        synonyms,
        certificate,
      }));
  }

  /** One skill by code, or a 404. */
  async find(code: string): Promise<SkillDto> {
    const s = (await this.all()).get(code);
    if (!s) throw new NotFoundError('Skill');
    return toDto(s);
  }

  /** The categories that hold skills, in API.md industry order, with their counts. */
  async categories(): Promise<SkillCategoryDto[]> {
    const counts = new Map<string, number>();
    for (const s of (await this.all()).values()) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
    return SKILL_CATEGORY_CODES.filter((c) => counts.has(c)).map((c: SkillCategory) => ({
      code: c,
      nameZh: SKILL_CATEGORIES[c].nameZh,
      nameEn: SKILL_CATEGORIES[c].nameEn,
      count: counts.get(c) ?? 0,
    }));
  }

  /** The certificate types the taxonomy knows (for validating residents' and postings' certificates). */
  async certificateTypes(): Promise<string[]> {
    const out = new Set<string>();
    for (const s of (await this.all()).values()) if (s.certificate) out.add(s.certificate);
    return [...out].sort();
  }
}
