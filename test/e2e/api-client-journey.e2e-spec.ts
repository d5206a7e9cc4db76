import type { AddressInfo } from 'node:net';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../client/leye-api';
import { createTestApp, type TestApp } from '../support/app';
import {
  createSite,
  employerAccount,
  loginAdmin,
  staff,
  uniquePhone,
  type Session,
} from '../support/factories';
import { validCreditCode } from '../support/postings-factories';
import { accountForResident, uniqueNationalId } from '../support/residents-factories';

/*
 * Issue 20: a client generated from the committed openapi.json (openapi-typescript types,
 * openapi-fetch) walks the hiring journey against the real app on a real port. The bodies and the
 * fields read below are typed by test/client/leye-api.d.ts, so a field renamed in the code (the
 * served document then differs from the committed one) and regenerated breaks `npm run typecheck`.
 * Accounts and tokens come from the factories; the business steps go through the client only.
 */

type Schemas = components['schemas'];

describe('a client generated from openapi.json walks the hiring journey', () => {
  let t: TestApp;
  let api: Client<paths>;
  let officer: Session;
  let employer: Session;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    api = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });
    const admin = await loginAdmin(t.http);
    siteId = (await createSite(t.http, admin)).id;
    officer = await staff(t.http, admin, 'officer', { siteIds: [siteId] });
    employer = await employerAccount(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (s: Session) => ({ headers: s.auth });

  it('officer registers a household and a resident, employer posts and publishes, resident applies, employer hires, officer sees the placement', async () => {
    const household = await api.POST('/api/v1/households', {
      ...as(officer),
      body: {
        siteId,
        originRegionCode: '422802107',
        monitoringStatus: 'none',
      } satisfies Schemas['CreateHouseholdDto'],
    });
    expect(household.response.status).toBe(201);
    const householdId = household.data!.id;

    const identity = uniqueNationalId({ gender: 'female' });
    const residentBody: Schemas['CreateResidentDto'] = {
      householdId,
      name: '客户端居民',
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      phone: uniquePhone(),
      education: 'junior_secondary',
      laborCapacity: 'full',
      employmentStatus: 'unemployed',
      consentToShare: true,
      preferences: {
        industries: ['tea'],
        schedules: ['seasonal'],
        maxCommuteKm: 20,
        willingToWorkAway: false,
      },
      skills: [{ code: 'tea.picking', level: 2 }],
    };
    const resident = await api.POST('/api/v1/residents', { ...as(officer), body: residentBody });
    expect(resident.response.status).toBe(201);
    const residentId = resident.data!.id;
    expect(resident.data!.nationalIdMasked).not.toContain(identity.nationalId.slice(6, 14));
    const onRoster = {
      name: residentBody.name,
      nationalId: identity.nationalId,
      phoneClear: residentBody.phone,
    };
    const residentSession = await accountForResident(t.http, onRoster);

    const record = await api.POST('/api/v1/employers', {
      ...as(employer),
      body: {
        name: '利川市文斗镇客户端茶叶合作社',
        creditCode: validCreditCode(),
        kind: 'cooperative',
        industry: 'tea',
        regionCode: '422802107',
        address: '利川市文斗镇长顺村 3 组',
        latitude: 30.02,
        longitude: 108.71,
      },
    });
    expect(record.response.status).toBe(201);
    const employerId = record.data!.id;
    const verified = await api.POST('/api/v1/employers/{id}/verify', {
      ...as(officer),
      params: { path: { id: employerId } },
    });
    expect(verified.data?.verified).toBe(true);

    const posting = await api.POST('/api/v1/postings', {
      ...as(employer),
      body: {
        title: '春茶采茶工',
        description: '明前茶采摘，按天结算，安置点每天早上有班车。',
        industry: 'tea',
        skills: [{ code: 'tea.picking', minLevel: 1, required: true }],
        certificates: [],
        headcount: 2,
        wageMin: 120,
        wageMax: 180,
        wageUnit: 'day',
        schedule: 'seasonal',
        regionCode: '422802107',
        address: '文斗镇长顺村茶园',
        latitude: 30.02,
        longitude: 108.71,
        accommodation: false,
        shuttle: true,
        publicWelfare: false,
      },
    });
    expect(posting.response.status).toBe(201);
    expect(posting.data!.status).toBe('draft');
    const postingId = posting.data!.id;
    const published = await api.POST('/api/v1/postings/{id}/publish', {
      ...as(employer),
      params: { path: { id: postingId } },
    });
    expect(published.data?.status).toBe('open');

    const applied = await api.POST('/api/v1/applications', { ...as(residentSession), body: { postingId } });
    expect(applied.response.status).toBe(201);
    // Field by field (not toMatchObject): each read is typed, so a renamed field fails typecheck.
    const application = applied.data!;
    expect([application.status, application.residentId, application.postingId]).toEqual([
      'applied',
      residentId,
      postingId,
    ]);
    const applicationId = application.id;

    let placementId: string | undefined;
    for (const status of ['interview', 'offered', 'hired'] as const) {
      const moved = await api.PATCH('/api/v1/applications/{id}', {
        ...as(employer),
        params: { path: { id: applicationId } },
        body: { status },
      });
      expect(moved.error).toBeUndefined();
      expect(moved.data!.status).toBe(status);
      placementId = moved.data!.placementId;
    }
    expect(placementId).toEqual(expect.any(String));

    const placements = await api.GET('/api/v1/placements', {
      ...as(officer),
      params: { query: { siteId, active: true } },
    });
    expect(placements.response.status).toBe(200);
    const placement = placements.data!.items.find((p) => p.id === placementId);
    expect(placement).toBeDefined();
    const { residentId: placed, postingId: at, employerId: by, applicationId: from, active } = placement!;
    expect({ placed, at, by, from, active }).toEqual({
      placed: residentId,
      at: postingId,
      by: employerId,
      from: applicationId,
      active: true,
    });
  });

  it('an error answer is typed by the error schema: an unknown posting is a 404 with requestId', async () => {
    const res = await api.GET('/api/v1/postings/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(res.response.status).toBe(404);
    const error: Schemas['ErrorResponseDto'] | undefined = res.error;
    expect(error).toMatchObject({ statusCode: 404, requestId: expect.any(String) });
  });
});
