import { Module } from '@nestjs/common';
import { CooperationModule } from '../../programmes/cooperation/cooperation.module';
import { LiaisonPagesController } from './liaison-pages.controller';

/** The liaison officer's page (`/liaison`): the batches sent to their city (the cooperation feature's reads). */
@Module({
  imports: [CooperationModule],
  controllers: [LiaisonPagesController],
})
export class LiaisonPagesModule {}
