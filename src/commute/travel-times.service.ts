import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsDirectory } from '../access/accounts-directory';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { ValidationFailedException } from '../platform/http/validation';
import { OutboxService } from '../platform/database/outbox.service';
import { EmployersService } from '../employers/employers.service';
import { RegionsService } from '../regions/regions.service';
import type { Site } from '../regions/site.entity';
import { CommuteRepository, type TravelTimeFields, type TravelTimeRow } from './commute.repository';
import type { CreateTravelTimeDto, TravelTimeDto } from './dto/travel-time.dto';
import { checkTravelTime } from './travel-time-fields';
import { announceTravelTimes } from './travel-times-events';

/**
 * A site's travel-times table: officers who manage the site read and change it (anyone else: 404).
 * The rows are not personal data; changes are audited like every officer's change of shared facts.
 */
@Injectable()
export class TravelTimesService {
  constructor(
    private readonly repo: CommuteRepository,
    private readonly regions: RegionsService,
    private readonly employers: EmployersService,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly accounts: AccountsDirectory,
  ) {}

  /** The site, if the actor manages it; else 404 (never reveal an out-of-scope site). */
  async managedSite(actor: AuthUser, siteId: string): Promise<Site> {
    const site = await this.regions.findSite(siteId);
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    return site!;
  }

  async list(actor: AuthUser, siteId: string): Promise<TravelTimeDto[]> {
    await this.managedSite(actor, siteId);
    return this.withNames(await this.repo.forSite(siteId));
  }

  async create(actor: AuthUser, siteId: string, dto: CreateTravelTimeDto): Promise<TravelTimeDto> {
    await this.managedSite(actor, siteId);
    const checked = checkTravelTime({ ...dto });
    if (!checked.ok) throw new ValidationFailedException(checked.errors);
    await this.requireEmployers([checked.fields]);
    const id = await this.repo.transaction(async (m) => {
      const newId = await this.repo.insert(siteId, checked.fields, actor.id, m);
      await this.audit.record(
        actor,
        {
          action: 'travel_time.create',
          entityType: 'site',
          entityId: siteId,
          details: { travelTimeId: newId },
        },
        m,
      );
      await announceTravelTimes(this.outbox, m, siteId, [checked.fields]);
      return newId;
    });
    const [dtoOut] = await this.withNames([(await this.repo.one(siteId, id))!]);
    return dtoOut;
  }

  async remove(actor: AuthUser, siteId: string, id: string): Promise<void> {
    await this.managedSite(actor, siteId);
    await this.repo.transaction(async (m) => {
      const row = await this.repo.one(siteId, id, m);
      if (!row || !(await this.repo.delete(siteId, id, m))) throw new NotFoundError('TravelTime');
      await announceTravelTimes(this.outbox, m, siteId, [row]);
      await this.audit.record(
        actor,
        { action: 'travel_time.delete', entityType: 'site', entityId: siteId, details: { travelTimeId: id } },
        m,
      );
    });
  }

  /** Replaces the site's table with checked rows (the import), audited, in one transaction. */
  async replace(actor: AuthUser, siteId: string, rows: TravelTimeFields[], m: EntityManager): Promise<void> {
    const before = await this.repo.forSites([siteId], m);
    await this.repo.replaceSite(siteId, rows, actor.id, m);
    // The rows removed and the rows written: the postings any of them covers are re-ranked.
    await announceTravelTimes(this.outbox, m, siteId, [...before, ...rows]);
    await this.audit.record(
      actor,
      { action: 'travel_time.import', entityType: 'site', entityId: siteId, details: { rows: rows.length } },
      m,
    );
  }

  /** Unknown employers: 400 on employerId (the field name carries the row when `fieldOf` says so). */
  async requireEmployers(
    rows: Pick<TravelTimeFields, 'employerId'>[],
    fieldOf: (i: number) => string = () => 'employerId',
  ): Promise<Map<string, string>> {
    const ids = rows.map((r) => r.employerId).filter((x): x is string => x !== null);
    const names = await this.employers.namesOf(ids);
    const bad = rows.findIndex((r) => r.employerId !== null && !names.has(r.employerId));
    if (bad >= 0) throw new InvalidInputError(fieldOf(bad), `no employer ${rows[bad].employerId}`);
    return names;
  }

  /** The rows as the page and the export show them: employer, destination and recorder named. */
  async withNames(rows: TravelTimeRow[]): Promise<TravelTimeDto[]> {
    const names = await this.employers.namesOf(
      rows.map((r) => r.employerId).filter((x): x is string => x !== null),
    );
    // Who recorded each row: access's accounts by id, one query (null for the command's own rows).
    const recorders = await this.accounts.namesOf(
      rows.map((r) => r.recordedBy).filter((x): x is string => x !== null),
    );
    const codes = [
      ...new Set(rows.map((r) => r.destinationRegionCode).filter((x): x is string => x !== null)),
    ];
    const regions = new Map(
      await Promise.all(
        codes.map(async (c) => [c, (await this.regions.findRegion(c))?.name ?? null] as const),
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      destinationRegionCode: r.destinationRegionCode,
      destinationName: r.destinationRegionCode ? (regions.get(r.destinationRegionCode) ?? null) : null,
      placeName: r.placeName,
      latitude: r.latitude,
      longitude: r.longitude,
      mode: r.mode,
      minutes: r.minutes,
      fare: r.fare,
      firstDeparture: r.firstDeparture,
      lastReturn: r.lastReturn,
      days: r.days,
      source: r.source,
      note: r.note,
      employerId: r.employerId,
      employerName: r.employerId ? (names.get(r.employerId) ?? null) : null,
      recordedBy: r.recordedBy,
      recordedByName: r.recordedBy ? (recorders.get(r.recordedBy) ?? null) : null,
      recordedAt: new Date(r.recordedAt).toISOString(),
    }));
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.transaction(work);
  }
}
