import { Module } from '@nestjs/common';
import { SubsidiesModule } from '../../../programmes/subsidies/subsidies.module';
import { RegionsModule } from '../../../regions/regions.module';
import { SubsidiesPagesController } from './subsidies-pages.controller';

/** The officer's subsidies page; a web module, so the subsidies feature never imports web. */
@Module({
  imports: [SubsidiesModule, RegionsModule],
  controllers: [SubsidiesPagesController],
})
export class SubsidiesPagesModule {}
