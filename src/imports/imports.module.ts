import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { ResidentsModule } from '../residents/residents.module';
import { SkillsModule } from '../skills/skills.module';
import { ImportRosterJob } from './import-roster.job';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { RosterWriter } from './roster-writer';

/** Roster import from Excel/CSV with progress and row errors (issue 5 item 6). */
@Module({
  imports: [RegionsModule, SkillsModule, ResidentsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository, RosterWriter, ImportRosterJob],
  exports: [ImportsService],
})
export class ImportsModule {}
