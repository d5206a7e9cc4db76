import { randomUUID } from 'node:crypto';
import type { AccountsDirectory } from '../access/accounts-directory';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import type { EmployersService } from '../employers/employers.service';
import { NotFoundError } from '../kernel/domain-errors';
import type { OutboxService } from '../platform/database/outbox.service';
import type { RegionsService } from '../regions/regions.service';
import type { CommuteRepository, TravelTimeRow } from './commute.repository';
import { TravelTimesService } from './travel-times.service';

/*
 * The travel-times table as the page and the export read it, over a fake repository (issue 14
 * item 4): who recorded a row is an account id in commute's table, named by access's
 * AccountsDirectory in one call for the whole table (the road-network command's rows have none).
 * The SQL is proved by test/e2e (commute).
 */

const SITE = { id: randomUUID(), regionCode: '522601101' };
const OFFICER = randomUUID();

function row(over: Partial<TravelTimeRow>): TravelTimeRow {
  return {
    id: randomUUID(),
    siteId: SITE.id,
    destinationRegionCode: '522601102',
    placeName: null,
    latitude: null,
    longitude: null,
    mode: 'bus',
    minutes: 30,
    fare: 5,
    firstDeparture: '07:00',
    lastReturn: '18:00',
    days: null,
    source: 'measured',
    employerId: null,
    note: null,
    recordedBy: OFFICER,
    recordedAt: new Date('2026-03-01T08:00:00Z'),
    ...over,
  };
}

function setUp(rows: TravelTimeRow[]) {
  const repo = { forSite: () => Promise.resolve(rows) } as unknown as CommuteRepository;
  const regions = {
    findSite: (id: string) => Promise.resolve(id === SITE.id ? SITE : null),
    findRegion: (code: string) => Promise.resolve({ code, name: `村 ${code.slice(-3)}` }),
  } as unknown as RegionsService;
  const employers = {
    namesOf: () => Promise.resolve(new Map<string, string>()),
  } as unknown as EmployersService;
  const namesOf = jest.fn((ids: readonly string[]) =>
    Promise.resolve(new Map(ids.filter((id) => id === OFFICER).map((id) => [id, '王干部'] as const))),
  );
  const accounts = { namesOf } as unknown as AccountsDirectory;
  const service = new TravelTimesService(
    repo,
    regions,
    employers,
    new ScopePolicy(),
    {} as AuditService,
    {} as OutboxService,
    accounts,
  );
  return { service, namesOf };
}

const officer = (siteIds: string[]): AuthUser => ({
  id: OFFICER,
  role: 'officer',
  name: '王干部',
  scope: { siteIds, regionCodes: [] },
  residentId: null,
  employerId: null,
  sessionId: null,
  ip: '127.0.0.1',
  requestId: 'test',
});

describe('TravelTimesService (a site’s table, recorders named by access)', () => {
  it('names who recorded each row with one directory call; rows of no account or none stay unnamed', async () => {
    const gone = randomUUID();
    const rows = [
      row({}),
      row({ recordedBy: null, note: 'road-network' }),
      row({ recordedBy: gone }),
      row({}),
    ];
    const { service, namesOf } = setUp(rows);
    const dtos = await service.list(officer([SITE.id]), SITE.id);
    expect(dtos.map((d) => [d.id, d.recordedBy, d.recordedByName])).toEqual([
      [rows[0].id, OFFICER, '王干部'],
      [rows[1].id, null, null],
      [rows[2].id, gone, null],
      [rows[3].id, OFFICER, '王干部'],
    ]);
    expect(dtos[0]).toMatchObject({ destinationName: '村 102', recordedAt: '2026-03-01T08:00:00.000Z' });
    expect(namesOf).toHaveBeenCalledTimes(1);
    expect(namesOf).toHaveBeenCalledWith([OFFICER, gone, OFFICER]);
  });

  it('answers 404 for a site the officer does not manage, before reading anything', async () => {
    const { service, namesOf } = setUp([row({})]);
    await expect(service.list(officer([]), SITE.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(namesOf).not.toHaveBeenCalled();
  });
});
