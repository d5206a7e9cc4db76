import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SkillDto } from './skill.dto';
import { Skill } from './skill.entity';
import { skillSearchSql, type SkillQuery } from './skill-search';

/** A skill that matched a search: how many of the query's words it matched, and how closely. */
export interface SkillSearchRow extends SkillDto {
  hits: number;
  tier: number;
}

/** The only code naming the skill table, for SkillsService (the taxonomy, its cache and search). */
@Injectable()
export class SkillsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts or updates skills by code in one transaction, 200 rows a statement; codes are never
   * deleted (residents and postings reference them).
   */
  async upsert(rows: Skill[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < rows.length; i += 200) {
        await m
          .createQueryBuilder()
          .insert()
          .into(Skill)
          .values(rows.slice(i, i + 200))
          .orUpdate(['name_zh', 'name_en', 'category', 'synonyms', 'certificate', 'search_tokens'], ['code'])
          .execute();
      }
    });
  }

  all(): Promise<Skill[]> {
    return this.dataSource.manager.find(Skill, { order: { code: 'ASC' } });
  }

  /** The skills matching any word of the query, best first, at most `limit` (skill-search.ts). */
  search(query: SkillQuery, limit: number): Promise<SkillSearchRow[]> {
    const { sql, params } = skillSearchSql(query, limit);
    return this.dataSource.query(sql, params);
  }
}
