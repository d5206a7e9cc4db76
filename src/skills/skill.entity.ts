import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A taxonomy entry from config/skills.yaml (reference data, loaded at start). */
@Entity('skill')
export class Skill {
  /** Stable code, e.g. `tea.picking`; referenced by residents, postings and courses. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  nameZh!: string;

  @Column({ type: 'varchar', length: 128 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 64 })
  category!: string;

  /** Colloquial words residents use (摘茶 for 采茶). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  synonyms!: string[];

  /** The certificate type that proves this skill (residents' `certificates[].type`), if any. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  certificate!: string | null;

  // GET /skills?q=: search_tokens && query tokens (names, synonyms, pinyin, initials, prefixes;
  // see skill-tokens.ts and the query in skill-search.ts)
  @Index('idx_skill_search_tokens', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  searchTokens!: string[];
}
