import { DataSource } from 'typeorm';
import { COMPONENT_NAMES, type Components, type RankedMatch } from '../../src/matching/engine';
import { copyField, copyMatchRows } from '../../src/matching/results/match-copy';
import { MatchStore, type ResidentMeta } from '../../src/matching/results/match-store';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff } from '../support/factories';
import { seeker } from '../support/matching-factories';
import { employerWithRecord, openPosting } from '../support/postings-factories';

/*
 * Issue 18 item 3: the first night's rows go through COPY into a staging table and one merge
 * (src/matching/results/match-copy.ts). Against the real PostgreSQL: the same lists stored for
 * one posting by MatchStore's unnest statement and for another through COPY leave the same rows,
 * with text that COPY's format must escape, and a second store keeps the rows it must keep.
 */

jest.setTimeout(120_000);

const components = (k: number): Components =>
  Object.fromEntries(
    COMPONENT_NAMES.map((n, i) => [n, { value: (i + k) / 10, points: i * 1.5 + k }]),
  ) as Components;

function ranked(
  postingId: string,
  residentId: string,
  rank: number,
  over: Partial<RankedMatch> = {},
): RankedMatch {
  return {
    postingId,
    postingVersion: 2,
    residentId,
    score: 81.3 - rank,
    priority: rank === 1 ? 20 : 0,
    rank,
    components: components(rank),
    requiredSkillsMet: [],
    requiredSkillsMissing: rank === 2 ? ['焊工 "二级"', 'a\\b,c{d}'] : [],
    distanceKm: rank === 3 ? 0 : 12.4 * rank,
    travelMinutes: rank === 3 ? null : 20 * rank,
    travelSource: rank === 3 ? 'unknown' : 'estimate',
    facts: {} as RankedMatch['facts'],
    reasons: {
      officer: { zh: `第${rank}名\t制表符\n换行 \\ 反斜杠 "引号"`, en: `rank ${rank}\r\nwith CRLF` },
      employer: { zh: `雇主看到的${rank}`, en: rank === 3 ? '' : `employer ${rank}` },
      resident: { zh: '', en: '' },
    },
    engineVersion: '2.0',
    ...over,
  };
}

const COLUMNS = `resident_id, posting_version, resident_version, score, priority, rank, component_values,
  component_points, required_skills_missing, distance_km, reason_zh, reason_en, engine_version, computed_at,
  site_id, employer_reason_zh, employer_reason_en, status`;

describe('match rows through COPY and one merge (issue 18 item 3)', () => {
  let t: TestApp;
  let ds: DataSource;
  const store = new MatchStore();
  let viaUnnest: string;
  let viaCopy: string;
  let residents: Map<string, ResidentMeta>;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    const admin = await loginAdmin(t.http);
    const site = await createSite(t.http, admin);
    const officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await seeker(t.http, officer, site.id, { consentToShare: true })).id);
    residents = new Map(ids.map((id) => [id, { siteId: site.id, version: 1 }]));
    const employer = await employerWithRecord(t.http, { verifiedBy: admin });
    viaUnnest = (await openPosting(t.http, employer.session)).id;
    viaCopy = (await openPosting(t.http, employer.session)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = (postingId: string) =>
    ds.query(`SELECT ${COLUMNS} FROM match WHERE posting_id = $1 ORDER BY resident_id`, [postingId]);
  const list = (postingId: string, f: (i: number) => Partial<RankedMatch> = () => ({})) =>
    ids.map((id, i) => ranked(postingId, id, i + 1, f(i)));

  async function storeBoth(lists: (p: string) => RankedMatch[], at: Date): Promise<void> {
    await ds.transaction((m) =>
      store.replaceManyPostingMatches(
        m,
        [{ postingId: viaUnnest, results: lists(viaUnnest), residents }],
        at,
      ),
    );
    await ds.transaction((m) =>
      copyMatchRows(m, [{ postingId: viaCopy, results: lists(viaCopy), residents }], at),
    );
  }

  it('escapes text for COPY (null, backslash, tab, newline, CR)', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField(12.5)).toBe('12.5');
  });

  it('stores exactly the rows the unnest statement stores', async () => {
    await storeBoth((p) => list(p), new Date('2026-12-01T20:00:00Z'));
    const a = await rows(viaUnnest);
    expect(a).toHaveLength(3);
    expect(await rows(viaCopy)).toEqual(a);
    expect(a[0].reason_zh ?? a[1].reason_zh).toContain('\t');
  });

  it('a second store updates what changed, leaves the rest (computed_at) and keeps a dismissed status', async () => {
    await ds.query(`UPDATE match SET status = 'dismissed' WHERE posting_id = ANY($1) AND resident_id = $2`, [
      [viaUnnest, viaCopy],
      ids[0],
    ]);
    await storeBoth(
      (p) => list(p, (i) => (i === 1 ? { score: 99.9 } : {})),
      new Date('2026-12-02T20:00:00Z'),
    );
    const a = await rows(viaUnnest);
    const b = await rows(viaCopy);
    expect(b).toEqual(a);
    const byResident = new Map<string, Record<string, unknown>>(
      b.map((r: Record<string, unknown>) => [String(r.resident_id), r]),
    );
    expect(byResident.get(ids[0])).toMatchObject({ status: 'dismissed' });
    expect(byResident.get(ids[1])).toMatchObject({ score: '99.9' });
    expect(new Date(byResident.get(ids[1])!.computed_at as Date).toISOString()).toBe(
      '2026-12-02T20:00:00.000Z',
    );
    expect(new Date(byResident.get(ids[2])!.computed_at as Date).toISOString()).toBe(
      '2026-12-01T20:00:00.000Z',
    );
  });

  it('refuses to run outside a transaction (its staging rows live until the commit)', async () => {
    await expect(
      copyMatchRows(ds.manager, [{ postingId: viaCopy, results: list(viaCopy), residents }], new Date()),
    ).rejects.toThrow(/inside a transaction/);
  });
});
