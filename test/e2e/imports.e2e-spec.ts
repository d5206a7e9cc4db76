import { DataSource } from 'typeorm';
import type { Job } from 'bullmq';
import {
  ImportRosterJob,
  STALLED_MESSAGE,
  type ImportRosterJobData,
} from '../../src/imports/import-roster.job';
import { IMPORT_MAX_ROWS } from '../../src/imports/import-settings';
import { Import } from '../../src/imports/import.entity';
import { importJobId } from '../../src/imports/imports.service';
import { JobQueue } from '../../src/platform/queue/job-queue.service';
import { QueueName } from '../../src/platform/queue/queue-name';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import {
  binaryParser,
  fixture,
  readXlsx,
  importRoster,
  uploadRoster,
  waitForImport,
} from '../support/imports-factories';
import { xlsxZipBomb } from '../support/zip-bomb';

const UPLOAD_LIMIT = 2 * 1024 * 1024;

/** The fixture's national IDs all start with 119901 (test/fixtures/README.md). */
const FIXTURE_IDS = "national_id_masked LIKE '119901%'";

describe('roster import (issue 5 item 6, issue 7 item 3)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let site: { id: string };
  let otherSite: { id: string };
  let officer: Session;
  let otherOfficer: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, env: { UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) } });
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin);
    otherSite = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [otherSite.id] });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const fixtureResidents = () =>
    ds.query<Record<string, unknown>[]>(
      `SELECT r.id, r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date, r.labor_capacity,
              r.employment_status, r.consent_to_share, r.education, r.version, r.household_id, r.site_id,
              r.national_id_masked, r.national_id_encrypted, r.phone_encrypted
         FROM resident r WHERE ${FIXTURE_IDS} ORDER BY r.name`,
    );

  it('imports an .xlsx written by LibreOffice: good rows saved, bad rows named by row and column, progress 100 %', async () => {
    const res = await importRoster(
      t.http,
      officer,
      site.id,
      fixture('roster-libreoffice.xlsx'),
      'roster.xlsx',
    );
    expect(res).toMatchObject({
      status: 'done',
      total: 10,
      processed: 10,
      progress: 100,
      failed: 5,
      created: 5,
      updated: 0,
    });
    const byRow = (row: number) => res.errors.filter((e) => e.row === row).map((e) => [e.field, e.message]);
    expect(byRow(5)).toEqual([['身份证号', '身份证号校验位错误']]);
    expect(byRow(6)).toEqual([['技能', '未知技能“飞船驾驶”']]);
    expect(byRow(7)).toEqual([['出生日期', expect.stringContaining('1992-13-45')]]);
    expect(byRow(8)).toEqual([['姓名', '不能为空']]);
    expect(byRow(9)).toEqual([['姓名', expect.stringContaining('公式不被接受')]]);
    expect(res.errors.every((e) => e.row >= 5 && e.row <= 9)).toBe(true);

    const rows = await fixtureResidents();
    expect(rows.map((r) => r.name).sort()).toEqual(['向大山', '向小宝', '杨秀英', '田小梅', '谭家旺'].sort());
    const tian = rows.find((r) => r.name === '田小梅')!;
    expect(tian).toMatchObject({
      gender: 'female',
      birth_date: '1985-03-12',
      labor_capacity: 'full',
      employment_status: 'unemployed',
      consent_to_share: true,
      education: 'junior_secondary',
      site_id: site.id,
      national_id_masked: '119901********0027',
    });
    // Encrypted at rest: neither the ID nor the phone appears in clear.
    expect(String(tian.national_id_encrypted)).not.toContain('119901198503120027');
    expect(String(tian.phone_encrypted)).not.toContain('13900001001');

    // Through the API: skills resolved from names and synonyms (摘茶 = 采茶), phone masked.
    const api = await t.http.get(`/api/v1/residents/${String(tian.id)}`).set(officer.auth);
    expect(api.status).toBe(200);
    expect(api.body.skills.map((s: { code: string; level: number }) => [s.code, s.level])).toEqual([
      ['tea.picking', 2],
      ['tea.processing', 1],
    ]);
    expect(api.body.phoneMasked).toBe('139****1001');
    const xiang = rows.find((r) => r.name === '向大山')!;
    const xiangApi = await t.http.get(`/api/v1/residents/${String(xiang.id)}`).set(officer.auth);
    expect(xiangApi.body.skills).toEqual([expect.objectContaining({ code: 'tea.picking', level: 3 })]);

    // 户编号 groups households: H1 has three members, H2 one good row, H3 one good row.
    const h1 = await t.http.get(`/api/v1/households/${String(tian.household_id)}`).set(officer.auth);
    expect(h1.body).toMatchObject({
      siteId: site.id,
      originRegionCode: '422802107',
      monitoringStatus: 'unstable',
      laborCapableMembers: 2, // the 13-year-old pupil is not labour force
      employedMembers: 1,
      zeroEmployment: false,
    });
    expect(h1.body.members).toHaveLength(3);
    const yang = rows.find((r) => r.name === '杨秀英')!;
    const h3 = await t.http.get(`/api/v1/households/${String(yang.household_id)}`).set(officer.auth);
    expect(h3.body).toMatchObject({
      monitoringStatus: 'marginal',
      laborCapableMembers: 1,
      zeroEmployment: true,
    });
    expect(new Set(rows.map((r) => r.household_id)).size).toBe(3);
  }, 90_000);

  it('importing the same file again changes nothing: no new rows, no version bump, no outbox event', async () => {
    const before = await fixtureResidents();
    const residentEvents = async () =>
      (
        await ds.query(
          "SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'resident.changed' AND entity_id = ANY($1::uuid[])",
          [before.map((r) => r.id)],
        )
      )[0].n as number;
    const eventsBefore = await residentEvents();
    const [{ n: householdsBefore }] = await ds.query(
      'SELECT count(*)::int AS n FROM household WHERE site_id = $1',
      [site.id],
    );

    const again = await importRoster(
      t.http,
      officer,
      site.id,
      fixture('roster-libreoffice.xlsx'),
      'roster.xlsx',
    );
    expect(again).toMatchObject({
      status: 'done',
      total: 10,
      failed: 5,
      created: 0,
      updated: 0,
      unchanged: 5,
    });

    const after = await fixtureResidents();
    expect(after.map((r) => [r.id, r.version, r.household_id])).toEqual(
      before.map((r) => [r.id, r.version, r.household_id]),
    );
    expect(await residentEvents()).toBe(eventsBefore);
    const [{ n: householdsAfter }] = await ds.query(
      'SELECT count(*)::int AS n FROM household WHERE site_id = $1',
      [site.id],
    );
    expect(householdsAfter).toBe(householdsBefore);
  }, 90_000);

  it('reads the same roster as CSV (RFC 4180, formulas refused) with the same result', async () => {
    const res = await importRoster(t.http, officer, site.id, fixture('roster-libreoffice.csv'), '花名册.csv');
    expect(res).toMatchObject({ status: 'done', total: 10, failed: 5, created: 0, updated: 0, unchanged: 5 });
    expect(res.errors.find((e) => e.row === 9)).toMatchObject({
      field: '姓名',
      message: expect.stringContaining('公式'),
    });
  }, 90_000);

  it('a changed row updates that resident only, with one new version', async () => {
    const before = await fixtureResidents();
    const csv = fixture('roster-libreoffice.csv')
      .toString('utf8')
      .replace(
        'H1,田小梅,女,1985-03-12,119901198503120027,13900001001,初中,全部,未就业',
        'H1,田小梅,女,1985-03-12,119901198503120027,13900001001,初中,全部,已就业',
      );
    const res = await importRoster(t.http, officer, site.id, Buffer.from(csv), 'changed.csv');
    expect(res).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 4 });
    const after = await fixtureResidents();
    const tianBefore = before.find((r) => r.name === '田小梅')!;
    const tianAfter = after.find((r) => r.name === '田小梅')!;
    expect(tianAfter.employment_status).toBe('employed');
    expect(tianAfter.version).toBe(Number(tianBefore.version) + 1);
    for (const r of after.filter((x) => x.name !== '田小梅')) {
      expect(r.version).toBe(before.find((b) => b.id === r.id)!.version);
    }
  }, 90_000);

  it('an officer of another site gets 404, for the upload and for the import', async () => {
    const res = await uploadRoster(t.http, otherOfficer, site.id, fixture('roster-libreoffice.csv'), 'r.csv');
    expect(res.status).toBe(404);
    const mine = await uploadRoster(t.http, officer, site.id, Buffer.from('户编号\n'), 'r.csv');
    expect(mine.status).toBe(202);
    expect((await t.http.get(`/api/v1/imports/${mine.body.id}`).set(otherOfficer.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/imports/${mine.body.id}`).set(admin.auth)).status).toBe(200);
    // A file without the required columns fails as a whole, with the reason.
    const state = await waitForImport(t.http, officer, mine.body.id);
    expect(state.status).toBe('failed');
    expect(state.message).toContain('缺少列');
  }, 90_000);

  it('refuses a wrong file type and a missing siteId (400), and an upload over the limit (413)', async () => {
    const txt = await uploadRoster(t.http, officer, site.id, Buffer.from('hello'), 'notes.txt');
    expect(txt.status).toBe(400);
    expect(txt.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
    const fakeXlsx = await uploadRoster(t.http, officer, site.id, Buffer.from('not a zip'), 'fake.xlsx');
    expect(fakeXlsx.status).toBe(400);
    const noSite = await uploadRoster(t.http, officer, null, fixture('roster-libreoffice.csv'), 'r.csv');
    expect(noSite.status).toBe(400);
    expect(noSite.body.details).toEqual([expect.objectContaining({ field: 'siteId' })]);
    const big = await uploadRoster(
      t.http,
      officer,
      site.id,
      Buffer.alloc(UPLOAD_LIMIT + 1024, 0x41),
      'big.csv',
    );
    expect(big.status).toBe(413);
    const [{ n }] = await ds.query("SELECT count(*)::int AS n FROM import WHERE file_name = 'big.csv'");
    expect(n).toBe(0);
  }, 60_000);

  it('a corrupt .xlsx fails with a message, a huge sheet is refused unread, and the worker carries on', async () => {
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4000, 0x37)]);
    const bad = await importRoster(t.http, officer, site.id, corrupt, 'broken.xlsx');
    expect(bad.status).toBe('failed');
    expect(bad.message).toMatch(/xlsx/);

    const header = '户编号,姓名,性别,出生日期,身份证号,劳动能力,就业状态,户籍所在地代码\n';
    const line = '1,张三,男,1980-01-01,110101198001010011,全部,未就业,422802107\n';
    const huge = Buffer.from(header + line.repeat(IMPORT_MAX_ROWS + 1));
    const refused = await importRoster(t.http, officer, site.id, huge, 'huge.csv');
    expect(refused.status).toBe('failed');
    expect(refused.message).toContain(String(IMPORT_MAX_ROWS));
    const [{ n }] = await ds.query("SELECT count(*)::int AS n FROM resident WHERE name = '张三'");
    expect(n).toBe(0);

    // Still working: a good import right after.
    const ok = await importRoster(t.http, officer, site.id, fixture('roster-libreoffice.csv'), 'again.csv');
    expect(ok.status).toBe('done');
  }, 120_000);

  it('a zip bomb fails its import after one attempt with a message, and the next import works (issue 12 item 5)', async () => {
    const bomb = await xlsxZipBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(UPLOAD_LIMIT);
    const res = await importRoster(t.http, officer, site.id, bomb, 'roster.xlsx');
    expect(res.status).toBe('failed');
    expect(res.message).toMatch(/解压后超过 50 MiB/);
    expect(res.errors).toEqual([{ row: 0, field: '文件', message: res.message }]);
    const job = await t.app.get(JobQueue).queue(QueueName.Imports).getJob(importJobId(res.id));
    expect(job?.attemptsMade).toBe(1);
    expect(await job?.getState()).toBe('completed');

    const ok = await importRoster(t.http, officer, site.id, fixture('roster-libreoffice.xlsx'), 'after.xlsx');
    expect(ok.status).toBe('done');
  }, 120_000);

  it('an import whose run died with its process (a stalled job) fails with a message instead of running again', async () => {
    const me = await t.http.get('/api/v1/me').set(officer.auth);
    const imp = await ds.manager.save(
      ds.manager.create(Import, {
        siteId: site.id,
        createdBy: me.body.id,
        fileName: 'roster.csv',
        mime: 'text/csv',
        format: 'csv',
        content: fixture('roster-libreoffice.csv'),
        status: 'running',
      }),
    );
    // What BullMQ hands the next worker after the first one died mid-run.
    const stalled = {
      stalledCounter: 1,
      updateProgress: () => Promise.resolve(),
    } as unknown as Job<ImportRosterJobData>;
    expect(await t.app.get(ImportRosterJob).process({ importId: imp.id }, stalled)).toEqual({
      failed: 'stalled',
    });
    const state = await waitForImport(t.http, officer, imp.id);
    expect(state).toMatchObject({ status: 'failed', message: STALLED_MESSAGE, created: 0, processed: 0 });
  });

  it('offers an .xlsx template with the Chinese headers', async () => {
    const res = await t.http
      .get('/api/v1/imports/roster/template')
      .set(officer.auth)
      .buffer(true)
      .parse(binaryParser as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = await readXlsx(res.body);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '户编号',
      '姓名',
      '性别',
      '出生日期',
      '身份证号',
      '手机号',
      '文化程度',
      '劳动能力',
      '就业状态',
      '户籍所在地代码',
      '监测类型',
      '技能',
      '同意共享',
    ]);
  });
});
