import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { SkillsModule } from '../skills/skills.module';
import { HouseholdFacts } from './household-facts';
import { HouseholdFactsRepository } from './household-facts.repository';
import { HouseholdsController } from './households.controller';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';
import { HouseholdsDirectory } from './households-directory';
import { HouseholdsDirectoryRepository } from './households-directory.repository';
import { RecomputeHouseholdsJob } from './recompute-households.job';
import { ResidentLinkController } from './resident-link.controller';
import { ResidentLinkClaimsRepository } from './resident-link-claims.repository';
import { ResidentLinkClaims } from './resident-link-claims.service';
import { ResidentRegistrationService } from './resident-registration.service';
import { ResidentPhoneService } from './resident-phone.service';
import { ResidentRoster } from './resident-roster';
import { ResidentVersions } from './resident-versions';
import { ResidentsController } from './residents.controller';
import { ResidentProgrammeReads } from './resident-programme-facts';
import { ResidentPrivacyService } from './resident-privacy.service';
import { ResidentsDirectory } from './residents-directory';
import { ResidentsRepository } from './residents.repository';
import { ResidentsService } from './residents.service';

/** Households, residents, skill profiles, preferences, consent; installs the resident registrar. */
@Module({
  imports: [RegionsModule, SkillsModule],
  controllers: [HouseholdsController, ResidentsController, ResidentLinkController],
  providers: [
    HouseholdsRepository,
    HouseholdsService,
    ResidentsRepository,
    ResidentsService,
    ResidentsDirectory,
    ResidentPrivacyService,
    ResidentRegistrationService,
    ResidentLinkClaims,
    ResidentLinkClaimsRepository,
    ResidentPhoneService,
    ResidentVersions,
    ResidentRoster,
    RecomputeHouseholdsJob,
    ResidentProgrammeReads,
    HouseholdsDirectoryRepository,
    HouseholdsDirectory,
    HouseholdFacts,
    HouseholdFactsRepository,
  ],
  exports: [
    ResidentsService,
    ResidentsDirectory,
    ResidentRoster,
    HouseholdsService,
    ResidentLinkClaims,
    ResidentPhoneService,
    ResidentProgrammeReads,
    HouseholdFacts,
    HouseholdsDirectory,
  ],
})
export class ResidentsModule {}
