import { Module } from '@nestjs/common';
import { OfficerPagesController } from './officer-pages.controller';
import { OfficerServices } from './officer-services';

/** The officer's pages (`/officer/…`); services are resolved by OfficerServices. */
@Module({
  controllers: [OfficerPagesController],
  providers: [OfficerServices],
})
export class OfficerPagesModule {}
