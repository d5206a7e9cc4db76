import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { binaryParser, readXlsx } from '../support/imports-factories';
import { employerWithRecord } from '../support/postings-factories';
import { xlsxZipBomb } from '../support/zip-bomb';

interface Row {
  id: string;
  destinationRegionCode: string | null;
  placeName: string | null;
  mode: string;
  minutes: number;
  fare: number | null;
  firstDeparture: string | null;
  lastReturn: string | null;
  days: number[] | null;
  source: string;
  recordedBy: string | null;
  recordedByName: string | null;
}

describe('travel times per site (e2e, issue 16)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let otherOfficer: Session;
  let site: { id: string };
  let otherSite: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin);
    otherSite = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [otherSite.id] });
  });
  afterAll(() => t.close());

  const url = (s = site.id) => `/api/v1/sites/${s}/travel-times`;
  const bus = {
    destinationRegionCode: '422802101',
    mode: 'bus',
    minutes: 70,
    fare: 8.5,
    firstDeparture: '07:30',
    lastReturn: '18:00',
    days: [1, 2, 3, 4, 5],
    source: 'measured',
  };

  it('an officer records, lists and deletes a trip; who recorded it is kept', async () => {
    const created = await t.http.post(url()).set(officer.auth).send(bus);
    expect(created.status).toBe(201);
    const row = created.body as Row;
    expect(row).toMatchObject({ ...bus, recordedBy: officer.userId });
    expect(row.recordedByName).toMatch(/^officer /);

    const place = await t.http.post(url()).set(officer.auth).send({
      placeName: '东城工业园',
      latitude: 30.3,
      longitude: 108.9,
      mode: 'ebike',
      minutes: 35,
      source: 'estimate',
    });
    expect(place.status).toBe(201);
    expect(place.body.days).toBeNull();

    const list = await t.http.get(url()).set(officer.auth);
    expect(list.status).toBe(200);
    expect((list.body as Row[]).map((r) => r.id).sort()).toEqual([row.id, place.body.id].sort());

    expect((await t.http.delete(`${url()}/${place.body.id}`).set(officer.auth)).status).toBe(204);
    expect((await t.http.delete(`${url()}/${place.body.id}`).set(officer.auth)).status).toBe(404);
    const after = await t.http.get(url()).set(officer.auth);
    expect((after.body as Row[]).map((r) => r.id)).toEqual([row.id]);
  });

  it.each([
    [{ ...bus, minutes: 0 }, 'minutes'],
    [{ ...bus, minutes: 601 }, 'minutes'],
    [{ ...bus, minutes: 12.5 }, 'minutes'],
    [{ ...bus, firstDeparture: '7.30' }, 'firstDeparture'],
    [{ ...bus, lastReturn: '24:00' }, 'lastReturn'],
    [{ ...bus, mode: 'plane' }, 'mode'],
    [{ ...bus, source: 'guess' }, 'source'],
    [{ ...bus, days: [0, 8] }, 'days'],
    [{ ...bus, destinationRegionCode: undefined }, 'destinationRegionCode'],
    [{ ...bus, destinationRegionCode: undefined, placeName: '园区', latitude: 30.1 }, 'longitude'],
    [{ ...bus, employerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, 'employerId'],
    [{ ...bus, mode: 'shuttle', employerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, 'employerId'],
  ])('400 names the field: %j → %s', async (body, field) => {
    const res = await t.http.post(url()).set(officer.auth).send(body);
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });

  it("an employer's shuttle names its employer; an employer account may not read the table", async () => {
    const { employer, session } = await employerWithRecord(t.http, { verifiedBy: admin });
    const res = await t.http.post(url()).set(officer.auth).send({
      destinationRegionCode: '422802101',
      mode: 'shuttle',
      minutes: 25,
      source: 'measured',
      employerId: employer.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ employerId: employer.id, employerName: employer.name });
    expect((await t.http.get(url()).set(session.auth)).status).toBe(403);
    expect((await t.http.delete(`${url()}/${res.body.id}`).set(officer.auth)).status).toBe(204);
  });

  it('404 for a site the officer does not manage, for every route; the other site is untouched', async () => {
    expect((await t.http.get(url()).set(otherOfficer.auth)).status).toBe(404);
    expect((await t.http.post(url()).set(otherOfficer.auth).send(bus)).status).toBe(404);
    const mine = (await t.http.get(url()).set(officer.auth)).body as Row[];
    expect((await t.http.delete(`${url()}/${mine[0].id}`).set(otherOfficer.auth)).status).toBe(404);
    // a row id of another site under one's own site: 404, nothing deleted
    expect((await t.http.delete(`${url(otherSite.id)}/${mine[0].id}`).set(otherOfficer.auth)).status).toBe(
      404,
    );
    expect((await t.http.get(`${url()}.xlsx`).set(otherOfficer.auth)).status).toBe(404);
    expect((await t.http.get(url()).set(officer.auth)).body).toHaveLength(1);
    expect((await t.http.get(url()).set(officer.auth).set({ Authorization: 'Bearer nope' })).status).toBe(
      401,
    );
  });

  it('export → edit in Excel → import replaces the table (round trip read back with exceljs)', async () => {
    const exported = await t.http
      .get(`${url()}.xlsx`)
      .set(officer.auth)
      .buffer(true)
      .parse(binaryParser as never);
    expect(exported.status).toBe(200);
    const wb = await readXlsx(exported.body);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining(['目的地地区代码', '方式', '单程分钟', '首班出发', '末班返回', '来源']),
    );
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(ws.getRow(2).getCell(col('方式')).value).toBe('公交');
    expect(ws.getRow(2).getCell(col('末班返回')).value).toBe('18:00');
    expect(ws.getRow(2).getCell(col('运行日')).value).toBe('1-5');
    // The officer adds the employer-free shuttle of the park, typed as people type it.
    const r3 = ws.getRow(3);
    r3.getCell(col('地点名称')).value = '东城工业园';
    r3.getCell(col('纬度')).value = 30.3;
    r3.getCell(col('经度')).value = 108.9;
    r3.getCell(col('方式')).value = '班车';
    r3.getCell(col('单程分钟')).value = 25;
    r3.getCell(col('首班出发')).value = '7:00';
    r3.getCell(col('来源')).value = '实测';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const imported = await t.http
      .post(`${url()}/import`)
      .set(officer.auth)
      .attach('file', edited, 'travel.xlsx');
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ imported: 2 });
    const rows = (await t.http.get(url()).set(officer.auth)).body as Row[];
    expect(
      rows.map((r) => [r.mode, r.minutes, r.firstDeparture, r.lastReturn, r.days, r.source]).sort(),
    ).toEqual(
      [
        ['bus', 70, '07:30', '18:00', [1, 2, 3, 4, 5], 'measured'],
        ['shuttle', 25, '07:00', null, null, 'measured'],
      ].sort(),
    );

    // Read back once more: the second export is the first one plus the shuttle.
    const again = await readXlsx(
      (
        await t.http
          .get(`${url()}.xlsx`)
          .set(officer.auth)
          .buffer(true)
          .parse(binaryParser as never)
      ).body,
    );
    expect(again.worksheets[0].actualRowCount).toBe(3);
  });

  it('an import with a bad row changes nothing and names the row and field', async () => {
    const before = (await t.http.get(url()).set(officer.auth)).body as Row[];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('通勤时间');
    ws.addRow(['目的地地区代码', '方式', '单程分钟', '来源', '首班出发']);
    ws.addRow(['422802102', '公交', 40, '实测', '06:50']);
    ws.addRow(['422802103', '公交', 900, '实测', '7点']);
    const res = await t.http
      .post(`${url()}/import`)
      .set(officer.auth)
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'bad.xlsx');
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['rows[3].minutes', 'rows[3].firstDeparture']));
    expect(fields.some((f) => f.startsWith('rows[2]'))).toBe(false);
    const after = (await t.http.get(url()).set(officer.auth)).body as Row[];
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
  });

  it('refuses what is not a sheet: no file, not a zip, a zip bomb (400 on file)', async () => {
    const none = await t.http.post(`${url()}/import`).set(officer.auth).field('x', 'y');
    expect(none.status).toBe(400);
    const junk = await t.http
      .post(`${url()}/import`)
      .set(officer.auth)
      .attach('file', Buffer.from('hello'), 'a.xlsx');
    expect(junk.status).toBe(400);
    expect(junk.body.details[0].field).toBe('file');
    const bomb = await xlsxZipBomb(20 * 1024 * 1024);
    const res = await t.http.post(`${url()}/import`).set(officer.auth).attach('file', bomb, 'bomb.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('file');
    expect((await t.http.get(url()).set(officer.auth)).body).toHaveLength(2);
  });
});
