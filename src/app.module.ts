import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { CaseworkModule } from './casework/casework.module';
import { CommuteModule } from './commute/commute.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './crypto/crypto.module';
import { DatabaseModule } from './database/database.module';
import { EmployersModule } from './employers/employers.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MatchingModule } from './matching/matching.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlacementsModule } from './placements/placements.module';
import { PostingsModule } from './postings/postings.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { RegionsModule } from './regions/regions.module';
import { ReportsModule } from './reports/reports.module';
import { ResidentsModule } from './residents/residents.module';
import { SkillsModule } from './skills/skills.module';
import { TrainingModule } from './training/training.module';
import { DemoModule } from './demo/demo.module';
import { CooperationModule } from './programmes/cooperation/cooperation.module';
import { WorkshopsModule } from './programmes/workshops/workshops.module';
import { SubsidiesModule } from './programmes/subsidies/subsidies.module';
import { SubsidiesPagesModule } from './web/officer/programmes/subsidies-pages.module';
import { WebModule } from './web/web.module';

/** Infrastructure every process role needs. */
export const CORE_MODULES = [
  ConfigModule,
  LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
  DatabaseModule,
  RedisModule,
  CryptoModule,
  AuditModule,
  AccessModule,
  QueueModule,
  BootstrapModule,
];

/** The product's features. */
export const FEATURE_MODULES = [HealthModule, RegionsModule, SkillsModule, ResidentsModule, TrainingModule, EmployersModule, PostingsModule, NotificationsModule, MatchingModule, PlacementsModule, ApplicationsModule, CaseworkModule, WorkshopsModule, CommuteModule, CooperationModule, ReportsModule, ImportsModule, SubsidiesModule, SubsidiesPagesModule, WebModule, DemoModule];

/** Composition only (DESIGN.md "Shape"): the same module serves api, worker and all. */
@Module({ imports: [...CORE_MODULES, ...FEATURE_MODULES] })
export class AppModule {}
