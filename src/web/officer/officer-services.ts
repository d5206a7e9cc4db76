import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EmployersService } from '../../employers/employers.service';
import { ImportsService } from '../../imports/imports.service';
import { MatchesService } from '../../matching/matches.service';
import { InboxService } from '../../notifications/inbox.service';
import { FollowUpsService } from '../../placements/follow-ups.service';
import { PlacementsService } from '../../placements/placements.service';
import { RegionsService } from '../../regions/regions.service';
import { DashboardService } from '../../reports/dashboard.service';
import { IndicatorsService } from '../../reports/indicators.service';
import { HouseholdsService } from '../../residents/households.service';
import { ResidentsService } from '../../residents/residents.service';
import { SkillsService } from '../../skills/skills.service';

/**
 * The feature services the officer pages call, resolved once at start-up from the modules that
 * own them (`strict: false`: several of them — dashboard, follow-ups, matches, inbox, imports —
 * are not exported by their modules; the pages call the same instances the API controllers
 * call, so scope checks and audit entries are the API's).
 */
@Injectable()
export class OfficerServices implements OnModuleInit {
  regions!: RegionsService;
  indicators!: IndicatorsService;
  dashboards!: DashboardService;
  households!: HouseholdsService;
  residents!: ResidentsService;
  placements!: PlacementsService;
  followUps!: FollowUpsService;
  matches!: MatchesService;
  employers!: EmployersService;
  inbox!: InboxService;
  imports!: ImportsService;
  skills!: SkillsService;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    const get = <T>(type: new (...args: never[]) => T): T => this.moduleRef.get(type, { strict: false });
    this.regions = get(RegionsService);
    this.indicators = get(IndicatorsService);
    this.dashboards = get(DashboardService);
    this.households = get(HouseholdsService);
    this.residents = get(ResidentsService);
    this.placements = get(PlacementsService);
    this.followUps = get(FollowUpsService);
    this.matches = get(MatchesService);
    this.employers = get(EmployersService);
    this.inbox = get(InboxService);
    this.imports = get(ImportsService);
    this.skills = get(SkillsService);
  }
}
