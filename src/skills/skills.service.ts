import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InvalidInputError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { documentTokens, queryTokenGroups } from '../search/chinese-text';
import { Skill } from './skill.entity';

export interface SkillYaml {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  synonyms?: string[];
}

export interface SkillDto {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  synonyms: string[];
}

@Injectable()
export class SkillsService {
  private readonly logger = new Logger('SkillsService');
  private cache: Map<string, Skill> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Loads config/skills.yaml into the skill table (upsert; codes are never deleted, they are referenced). */
  async loadTaxonomy(): Promise<number> {
    const doc = this.config.readYaml<{ skills: SkillYaml[] }>('skills.yaml');
    const rows = doc.skills.map((s) =>
      Object.assign(new Skill(), {
        code: s.code,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        category: s.category,
        synonyms: s.synonyms ?? [],
        searchTokens: [
          ...new Set([
            s.code.toLowerCase(),
            ...documentTokens(s.nameZh, ...(s.synonyms ?? [])),
            ...s.nameEn.toLowerCase().split(/\W+/).filter(Boolean),
          ]),
        ],
      }),
    );
    const codes = new Set<string>();
    for (const r of rows) {
      if (codes.has(r.code)) throw new Error(`config/skills.yaml: duplicate code ${r.code}`);
      codes.add(r.code);
    }
    for (let i = 0; i < rows.length; i += 500) {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(Skill)
        .values(rows.slice(i, i + 500))
        .orUpdate(['name_zh', 'name_en', 'category', 'synonyms', 'search_tokens'], ['code'])
        .execute();
    }
    this.cache = null;
    return rows.length;
  }

  async all(): Promise<Map<string, Skill>> {
    if (!this.cache) {
      const rows = await this.dataSource.manager.find(Skill, { order: { code: 'ASC' } });
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

  /** Finds skills by name, synonym, pinyin (full or initials) or code. */
  async search(q: string | undefined): Promise<SkillDto[]> {
    const groups = q ? queryTokenGroups(q) : [];
    const qb = this.dataSource.manager
      .createQueryBuilder(Skill, 's')
      .orderBy('s.category')
      .addOrderBy('s.code');
    groups.forEach((g, i) => {
      // a token typed as a prefix also matches (cai → caicha) through the name columns
      qb.andWhere(
        `(s.search_tokens && CAST(:g${i} AS text[]) OR s.code ILIKE :p${i} OR s.name_zh LIKE :p${i})`,
        {
          [`g${i}`]: g,
          [`p${i}`]: `%${g[0].replace(/[%_\\]/g, '\\$&')}%`,
        },
      );
    });
    const rows = await qb.limit(200).getMany();
    return rows.map((s) => ({
      code: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      category: s.category,
      synonyms: s.synonyms,
    }));
  }
}
