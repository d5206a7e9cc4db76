import { Module } from '@nestjs/common';
import { RegionsModule } from '../../regions/regions.module';
import { AdminPagesController } from './admin-pages.controller';

/** The admin's pages (`/admin/…`): users with their scope, sites with their channels. */
@Module({
  imports: [RegionsModule],
  controllers: [AdminPagesController],
})
export class AdminPagesModule {}
