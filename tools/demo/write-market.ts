import type { SkillWords } from '../../src/postings/posting-search-text';
import { bulkInsert, type Load } from './bulk-insert';
import type { Population } from './population-rows';
import { PostingTokenizer } from './posting-tokenizer';

/*
 * The labour market of a load: employers (verified by the first officer) and their postings,
 * with the search tokens PostingsService would compute.
 */

export async function writeEmployersAndPostings(
  load: Load,
  pop: Population,
  skills: SkillWords[],
): Promise<void> {
  const { m, batch, progress, now } = load;

  const verifier = pop.users.find((u) => u.role === 'officer')?.id ?? null;
  await bulkInsert(
    m,
    'employer',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['credit_code', 'text'],
      ['kind', 'text'],
      ['industry', 'text'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['owner_user_id', 'uuid'],
      ['verified_at', 'timestamptz'],
      ['verified_by', 'uuid'],
    ],
    pop.employers.map((e) => [
      e.id,
      e.name,
      e.creditCode,
      e.kind,
      e.industry,
      e.regionCode,
      e.address,
      e.latitude,
      e.longitude,
      e.ownerUserId,
      e.verified ? now : null,
      e.verified ? verifier : null,
    ]),
    batch,
  );
  progress('employer', pop.employers.length);

  const tokenizer = new PostingTokenizer(skills);
  await bulkInsert(
    m,
    'posting',
    [
      ['id', 'uuid'],
      ['employer_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['industry', 'text'],
      ['skills', 'jsonb'],
      ['required_skill_codes', 'text[]'],
      ['skill_codes', 'text[]'],
      ['certificates', 'text[]'],
      ['headcount', 'int'],
      ['wage_min', 'numeric'],
      ['wage_max', 'numeric'],
      ['wage_unit', 'text'],
      ['schedule', 'text'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['accommodation', 'bool'],
      ['meals', 'bool'],
      ['shuttle', 'bool'],
      ['public_welfare', 'bool'],
      ['age_min', 'smallint'],
      ['age_max', 'smallint'],
      ['start_date', 'date'],
      ['expires_at', 'timestamptz'],
      ['status', 'text'],
      ['version', 'int'],
      ['published_at', 'timestamptz'],
      ['search_tokens', 'text[]'],
      ['title_tokens', 'text[]'],
    ],
    pop.postings.map((p) => {
      const t = tokenizer.tokens(p);
      return [
        p.id,
        p.employerId,
        p.title,
        p.description,
        p.industry,
        p.skills,
        p.skills.filter((s) => s.required).map((s) => s.code),
        p.skills.map((s) => s.code),
        p.certificates,
        p.headcount,
        p.wageMin,
        p.wageMax,
        p.wageUnit,
        p.schedule,
        p.regionCode,
        p.address,
        p.latitude,
        p.longitude,
        p.accommodation,
        p.meals,
        p.shuttle,
        p.publicWelfare,
        p.ageMin,
        p.ageMax,
        p.startDate,
        p.expiresAt,
        p.status,
        1,
        p.publishedAt,
        t.searchTokens,
        t.titleTokens,
      ];
    }),
    batch,
  );
  progress('posting', pop.postings.length);
}
