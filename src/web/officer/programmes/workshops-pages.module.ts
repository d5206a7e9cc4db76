import { Module } from '@nestjs/common';
import { WorkshopsModule } from '../../../programmes/workshops/workshops.module';
import { WorkshopsPagesController } from './workshops-pages.controller';

/** The programmes hub and the workshop register pages; a web module, so the feature never imports web. */
@Module({
  imports: [WorkshopsModule],
  controllers: [WorkshopsPagesController],
})
export class WorkshopsPagesModule {}
