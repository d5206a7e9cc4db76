import { Module } from '@nestjs/common';
import { CommuteDirectory } from './commute-directory';
import { CommuteRepository } from './commute.repository';
import { CommuteSettings } from './commute-settings';

/** Commute time (issue 16): the sites' travel-times tables, the estimate, the planner. */
@Module({
  providers: [CommuteRepository, CommuteSettings, CommuteDirectory],
  exports: [CommuteDirectory, CommuteSettings],
})
export class CommuteModule {}
