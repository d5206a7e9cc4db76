import { Injectable } from '@nestjs/common';
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
 * The feature services the officer pages call, exported by the modules that own them
 * (OfficerPagesModule imports those modules). The pages call the same instances the API
 * controllers call, so scope checks and audit entries are the API's. One bundle rather than
 * twelve controller parameters: the controller's handlers are named after the same things
 * (`households`, `employers`, …).
 */
@Injectable()
export class OfficerServices {
  constructor(
    readonly regions: RegionsService,
    readonly indicators: IndicatorsService,
    readonly dashboards: DashboardService,
    readonly households: HouseholdsService,
    readonly residents: ResidentsService,
    readonly placements: PlacementsService,
    readonly followUps: FollowUpsService,
    readonly matches: MatchesService,
    readonly employers: EmployersService,
    readonly inbox: InboxService,
    readonly imports: ImportsService,
    readonly skills: SkillsService,
  ) {}
}
