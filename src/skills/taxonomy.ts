import { isSkillCategory } from './skill-categories';

/** One entry of config/skills.yaml. */
export interface SkillYaml {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  synonyms?: string[];
  /** The certificate type that proves the skill (e.g. `electrician`, `driving_c1`), if any. */
  certificate?: string;
}

/** config/skills.yaml is wrong; the message names the entry (index and code) and the field. */
export class TaxonomyError extends Error {
  constructor(source: string, where: string, problem: string) {
    super(`${source}: ${where}: ${problem}`);
    this.name = 'TaxonomyError';
  }
}

const CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const CERTIFICATE = /^[a-z][a-z0-9_]*$/;
const KEYS = new Set(['code', 'nameZh', 'nameEn', 'category', 'synonyms', 'certificate']);
const HAN = /\p{Script=Han}/u;

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : null;
}

/**
 * Checks the parsed YAML document and returns its entries, trimmed. A typo in the operator's file
 * must stop the start with a message that says which entry is wrong, not load half a taxonomy.
 */
export function parseTaxonomy(doc: unknown, source = 'config/skills.yaml'): SkillYaml[] {
  const list = (doc as { skills?: unknown } | null)?.skills;
  if (!Array.isArray(list)) throw new TaxonomyError(source, 'top level', 'must have a `skills:` list');
  const seen = new Map<string, number>();
  return list.map((raw: unknown, i): SkillYaml => {
    const rawCode = (raw as { code?: unknown } | null)?.code;
    const where = `skills[${i}]${typeof rawCode === 'string' ? ` (${rawCode})` : ''}`;
    const fail = (problem: string) => new TaxonomyError(source, where, problem);
    const need = (v: unknown, field: string): string => {
      const t = text(v);
      if (t === null) throw fail(`${field} is missing`);
      return t;
    };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw fail('must be a mapping');
    const e = raw as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!KEYS.has(k)) throw fail(`unknown key "${k}"`);

    const code = need(e.code, 'code');
    if (!CODE.test(code)) throw fail(`code "${code}" must be dotted lowercase, e.g. tea.picking`);
    if (code.length > 64) throw fail('code is longer than 64 characters');
    const first = seen.get(code);
    if (first !== undefined) throw fail(`duplicate code "${code}" (first at skills[${first}])`);
    seen.set(code, i);

    const nameZh = need(e.nameZh, 'nameZh');
    if (!HAN.test(nameZh)) throw fail(`nameZh "${nameZh}" has no Chinese characters`);
    if (nameZh.length > 64) throw fail('nameZh is longer than 64 characters');
    const nameEn = need(e.nameEn, 'nameEn');
    if (nameEn.length > 128) throw fail('nameEn is longer than 128 characters');

    const category = need(e.category, 'category');
    if (!isSkillCategory(category))
      throw fail(`unknown category "${category}" (use an API.md industry value)`);

    let synonyms: string[] = [];
    if (e.synonyms !== undefined && e.synonyms !== null) {
      if (!Array.isArray(e.synonyms)) throw fail('synonyms must be a list');
      synonyms = (e.synonyms as unknown[]).map((s, j) => {
        // YAML reads an unquoted 1 or yes as a number/boolean: insist on text
        if (typeof s !== 'string' || !s.trim()) throw fail(`synonyms[${j}] must be a non-empty text`);
        return s.trim();
      });
      const dup = synonyms.find((s, j) => synonyms.indexOf(s) !== j);
      if (dup) throw fail(`synonym "${dup}" appears twice`);
    }

    const out: SkillYaml = { code, nameZh, nameEn, category, synonyms };
    if (e.certificate !== undefined && e.certificate !== null) {
      const cert = text(e.certificate);
      if (!cert || !CERTIFICATE.test(cert))
        throw fail('certificate must be a lowercase word like driving_c1');
      out.certificate = cert;
    }
    return out;
  });
}
