import { createTestApp, type TestApp } from '../support/app';
import { registerAccount, uniquePhone } from '../support/factories';
import { hiringWorld, householdWithResident, type HiringWorld } from '../support/applications-factories';
import { createPosting, openPosting } from '../support/postings-factories';
import { webAgent, csrfOf } from '../support/web-factories';

/** Server-rendered resident and employer pages over HTTP (the browser journeys are in test/browser). */
describe('web: resident and employer pages', () => {
  let t: TestApp;
  let w: HiringWorld;
  let residentPhone: string;
  let residentId: string;
  let teaId: string;
  let scriptId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await hiringWorld(t.http);
    const r = await householdWithResident(t.http, w);
    residentPhone = (r.session as unknown as { phone: string }).phone;
    residentId = r.resident.id;
    // Near the site (30.06, 108.75): about 5 km away.
    teaId = (
      await openPosting(t.http, w.employer.session, {
        title: '春茶采茶工',
        latitude: 30.02,
        longitude: 108.71,
        shuttle: true,
      })
    ).id;
    scriptId = (
      await openPosting(t.http, w.employer.session, {
        title: '包装工',
        industry: 'food_processing',
        skills: [],
        description: '<script>alert(1)</script> 按件计钱 & "包午饭"',
      })
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a posting description with <script> as text, never as markup', async () => {
    const res = await t.http.get(`/jobs/${scriptId}`).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script>alert(1)&lt;/script> 按件计钱 &amp; &quot;包午饭&quot;');
    expect(res.text).toMatch(/每天 120–180 元/);
    expect(res.text).toContain('登录后报名');
  });

  it('guests see the search form and the latest jobs on the first screen', async () => {
    const res = await t.http.get('/').expect(200);
    expect(res.text).toContain('name="q"');
    expect(res.text).toContain('春茶采茶工');
    expect(res.text).toContain('有班车接送');
  });

  it('searches in Chinese, by synonym and by pinyin; chips filter', async () => {
    for (const q of ['采茶', '摘茶', 'caicha']) {
      const res = await t.http.get(`/jobs?q=${encodeURIComponent(q)}`).expect(200);
      expect({ q, found: res.text.includes(`/jobs/${teaId}`) }).toEqual({ q, found: true });
      expect(res.text).not.toContain(`/jobs/${scriptId}"`);
    }
    const food = await t.http.get('/jobs?industry=food_processing').expect(200);
    expect(food.text).toContain(`/jobs/${scriptId}`);
    expect(food.text).not.toContain(`/jobs/${teaId}"`);
    // Junk in the query string is ignored, never a 500.
    await t.http.get('/jobs?page=-3&wageMin=abc&industry=%3Cx%3E&near=2').expect(200);
  });

  it('a resident sees jobs near their site with the distance, applies with CSRF and withdraws', async () => {
    const agent = await webAgent(t, residentPhone);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('春茶采茶工');
    // Minutes, not km (issue 16): nothing recorded for the site, so the estimate, marked as one.
    expect(home.text).toMatch(/30 分钟以内<\/strong> · 约 \d+ 分钟（估计）/);

    const page = await agent.get(`/jobs/${teaId}`).expect(200);
    expect(page.text).toContain('有班车从安置点接送');
    // Without the token: 403, nothing applied.
    await agent.post(`/jobs/${teaId}/apply`).type('form').send({}).expect(403);
    const applied = await agent
      .post(`/jobs/${teaId}/apply`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    expect(applied.headers.location).toBe(`/jobs/${teaId}?applied=1`);
    const after = await agent.get(`/jobs/${teaId}?applied=1`).expect(200);
    expect(after.text).toContain('报名成功');
    expect(after.text).toContain('已报名，等企业看');
    // A second apply is a message, not an error page.
    const twice = await agent
      .post(`/jobs/${teaId}/apply`)
      .type('form')
      .send({ _csrf: csrfOf(after.text) })
      .expect(409);
    expect(twice.text).toContain('您已经报过名了');

    const api = await t.http.get('/api/v1/applications').set(w.siteOfficer.auth).query({ residentId });
    expect(api.body.items.map((a: { postingId: string; status: string }) => [a.postingId, a.status])).toEqual(
      [[teaId, 'applied']],
    );

    const mine = await agent.get('/my/applications').expect(200);
    const id = api.body.items[0].id as string;
    await agent
      .post(`/my/applications/${id}/withdraw`)
      .type('form')
      .send({ _csrf: csrfOf(mine.text) })
      .expect(303);
    const gone = await t.http.get(`/api/v1/applications/${id}`).set(w.siteOfficer.auth).expect(200);
    expect(gone.body.status).toBe('withdrawn');
  });

  it('a resident finds a skill by pinyin, adds it, and saves preferences', async () => {
    const agent = await webAgent(t, residentPhone);
    const found = await agent.get('/my/profile?skillq=caicha').expect(200);
    expect(found.text).toContain('value="tea.picking"');
    // By a synonym (拣茶 is 茶叶拣选); the officer-recorded 采茶 stays as it was.
    const sorting = await agent.get(`/my/profile?skillq=${encodeURIComponent('拣茶')}`).expect(200);
    expect(sorting.text).toContain('value="tea.sorting"');
    await agent
      .post('/my/profile/skills')
      .type('form')
      .send({ _csrf: csrfOf(sorting.text), code: 'tea.sorting', level: '3' })
      .expect(303);
    const prefs = await agent.get('/my/profile').expect(200);
    await agent
      .post('/my/profile')
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(csrfOf(prefs.text))}&industries=tea&industries=garments&schedules=seasonal&wageMin=2500&maxCommuteMinutes=45&jobAlerts=1`,
      )
      .expect(303);
    const bad = await agent
      .post('/my/profile')
      .type('form')
      .send({ _csrf: csrfOf(prefs.text), wageMin: 'lots' })
      .expect(400);
    expect(bad.text).toContain('请填一个数字');
    const r = await t.http.get(`/api/v1/residents/${residentId}`).set(w.siteOfficer.auth).expect(200);
    expect(r.body.skills).toEqual([
      expect.objectContaining({ code: 'tea.picking', level: 2, source: 'officer' }),
      expect.objectContaining({ code: 'tea.sorting', level: 3, source: 'self' }),
    ]);
    expect(r.body.preferences).toEqual(
      expect.objectContaining({
        industries: ['tea', 'garments'],
        schedules: ['seasonal'],
        wageMin: 2500,
        maxCommuteMinutes: 45,
      }),
    );
    expect(r.body.jobAlerts).toBe(true);
    expect(r.body.consentToShare).toBe(false);
  });

  it('an employer registers the company, posts with a picked skill, and cannot publish before verification', async () => {
    const phone = uniquePhone();
    expect((await registerAccount(t.http, { phone, name: '茶厂老板', role: 'employer' })).status).toBe(201);
    const agent = await webAgent(t, phone);
    const form = await agent.get('/employer').expect(200);
    expect(form.text).toContain('登记您的单位');
    const bad = await agent
      .post('/employer')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        name: '星斗茶厂',
        creditCode: '123',
        kind: 'enterprise',
        industry: 'tea',
        regionCode: '422802107',
        address: '文斗镇',
      })
      .expect(400);
    expect(bad.text).toContain('信用代码不对');
    expect(bad.text).toContain('value="星斗茶厂"');
    const { validCreditCode } = await import('../support/postings-factories');
    await agent
      .post('/employer')
      .type('form')
      .send({
        _csrf: csrfOf(bad.text),
        name: '星斗茶厂',
        creditCode: validCreditCode(),
        kind: 'enterprise',
        industry: 'tea',
        regionCode: '422802107',
        address: '文斗镇长顺村',
      })
      .expect(303);
    const home = await agent.get('/employer').expect(200);
    expect(home.text).toContain('等待专干审核');

    const blank = await agent.get('/employer/postings/new').expect(200);
    const fields = {
      _csrf: csrfOf(blank.text),
      title: '夏茶采摘工',
      industry: 'tea',
      description: '茶园采茶',
      headcount: '3',
      wageUnit: 'day',
      wageMin: '100',
      wageMax: '150',
      schedule: 'seasonal',
      shuttle: '1',
    };
    const searched = await agent
      .post('/employer/postings')
      .type('form')
      .send({ ...fields, skillq: 'caicha', action: 'search' })
      .expect(200);
    expect(searched.text).toContain('value="tea.picking"');
    expect(searched.text).toContain('value="夏茶采摘工"');
    await agent
      .post('/employer/postings')
      .type('form')
      .send({
        ...fields,
        skill: 'tea.picking',
        'level_tea.picking': '2',
        'need_tea.picking': 'required',
        action: 'save',
      })
      .expect(303);
    const list = await agent.get('/employer/postings').expect(200);
    expect(list.text).toContain('夏茶采摘工');
    expect(list.text).toContain('草稿');
    const postingId = /\/employer\/postings\/([0-9a-f-]{36})\/publish/.exec(list.text)![1];
    const refused = await agent
      .post(`/employer/postings/${postingId}/publish`)
      .type('form')
      .send({ _csrf: csrfOf(list.text) })
      .expect(303);
    expect(refused.headers.location).toBe('/employer/postings?done=unverified');
    const msg = await agent.get(refused.headers.location).expect(200);
    expect(msg.text).toContain('单位还没有审核');
    const api = await t.http.get(`/api/v1/postings/${postingId}`).set(w.admin.auth).expect(200);
    expect(api.body).toEqual(
      expect.objectContaining({
        status: 'draft',
        shuttle: true,
        wageMin: 100,
        wageMax: 150,
        wageUnit: 'day',
      }),
    );
    expect(api.body.skills).toEqual([
      expect.objectContaining({ code: 'tea.picking', minLevel: 2, required: true }),
    ]);
    // Another employer's posting is a 404 page, not an edit form.
    const other = await createPosting(t.http, w.otherEmployer.session);
    await agent.get(`/employer/postings/${other.id}/edit`).expect(404);
    await agent.get(`/employer/postings/${other.id}/applicants`).expect(404);
  });

  it('an employer sets the shift times (上班/下班) on the form, a bad time is refused naming the field with every value kept, and residents read them on the posting page', async () => {
    const agent = await webAgent(t, w.employer.session.phone);
    const blank = await agent.get('/employer/postings/new').expect(200);
    expect(blank.text).toContain('上班时间');
    expect(blank.text).toContain('下班时间');
    expect(blank.text).toContain('name="shiftStart" type="time"');
    const fields = {
      _csrf: csrfOf(blank.text),
      title: '茶厂早班工',
      industry: 'tea',
      description: '炒茶',
      headcount: '2',
      wageUnit: 'day',
      wageMin: '120',
      wageMax: '160',
      schedule: 'full_time',
      shuttle: '1',
      action: 'save',
    };
    const bad = await agent
      .post('/employer/postings')
      .type('form')
      .send({ ...fields, shiftStart: '25:00', shiftEnd: '17:30' })
      .expect(400);
    expect(bad.text).toContain('上班时间请写成 07:00 这样');
    expect(bad.text).not.toContain('下班时间请写成');
    expect(bad.text).toContain('value="25:00"');
    expect(bad.text).toContain('value="17:30"');
    expect(bad.text).toContain('value="茶厂早班工"');
    expect(bad.text).toContain('value="120"');
    const badEnd = await agent
      .post('/employer/postings')
      .type('form')
      .send({ ...fields, _csrf: csrfOf(bad.text), shiftStart: '07:00', shiftEnd: '5点' })
      .expect(400);
    expect(badEnd.text).toContain('下班时间请写成 17:00 这样');
    expect(badEnd.text).toContain('value="07:00"');
    expect(badEnd.text).toContain('value="5点"');
    await agent
      .post('/employer/postings')
      .type('form')
      .send({ ...fields, _csrf: csrfOf(badEnd.text), shiftStart: '7:00', shiftEnd: '17:30' })
      .expect(303);
    const list = await agent.get('/employer/postings').expect(200);
    const id = new RegExp(`href="/jobs/([0-9a-f-]{36})">茶厂早班工`).exec(list.text)![1];
    const api = await t.http.get(`/api/v1/postings/${id}`).set(w.admin.auth).expect(200);
    expect(api.body).toEqual(expect.objectContaining({ shiftStart: '07:00', shiftEnd: '17:30' }));
    const edit = await agent.get(`/employer/postings/${id}/edit`).expect(200);
    expect(edit.text).toContain('value="07:00"');
    expect(edit.text).toContain('value="17:30"');
    await agent
      .post(`/employer/postings/${id}/publish`)
      .type('form')
      .send({ _csrf: csrfOf(list.text) })
      .expect(303);
    const page = await t.http.get(`/jobs/${id}`).expect(200);
    expect(page.text).toContain('上班 07:00–17:30');
    // Emptying the end time clears it; the page then names only the start.
    await agent
      .post(`/employer/postings/${id}`)
      .type('form')
      .send({ ...fields, _csrf: csrfOf(edit.text), shiftStart: '07:00', shiftEnd: '' })
      .expect(303);
    const cleared = await t.http.get(`/api/v1/postings/${id}`).set(w.admin.auth).expect(200);
    expect(cleared.body).toEqual(expect.objectContaining({ shiftStart: '07:00', shiftEnd: null }));
    expect((await t.http.get(`/jobs/${id}`).expect(200)).text).toContain('07:00 上班');
  });
});
