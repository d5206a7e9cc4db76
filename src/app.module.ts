import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { CaseworkModule } from './casework/casework.module';
import { CommuteModule } from './commute/commute.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { loggerParams } from './platform/logging/logging';
import { AppConfig, type ProcessRole } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { CryptoModule } from './platform/crypto/crypto.module';
import { DatabaseModule } from './platform/database/database.module';
import { EmployersModule } from './employers/employers.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MatchingModule } from './matching/matching.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlacementsModule } from './placements/placements.module';
import { PostingsModule } from './postings/postings.module';
import { QueueModule } from './platform/queue/queue.module';
import { RedisModule } from './platform/redis/redis.module';
import { RegionsModule } from './regions/regions.module';
import { ReportsModule } from './reports/reports.module';
import { ResidentsModule } from './residents/residents.module';
import { SkillsModule } from './skills/skills.module';
import { TrainingModule } from './training/training.module';
import { DemoAccountsModule } from '../tools/demo/demo-accounts.module';
import { DemoModule } from '../tools/demo/demo.module';
import { CooperationModule } from './programmes/cooperation/cooperation.module';
import { SubsidiesModule } from './programmes/subsidies/subsidies.module';
import { WorkshopsModule } from './programmes/workshops/workshops.module';
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

/**
 * The product's features, in every role: the worker's jobs, outbox reactions and bootstrap steps
 * live in these modules (their API controllers come along; an application context serves no
 * route). DemoAccountsModule closes the demo accounts when the demo is off, so it is always on.
 */
export const FEATURE_MODULES = [
  HealthModule,
  RegionsModule,
  SkillsModule,
  ResidentsModule,
  TrainingModule,
  EmployersModule,
  PostingsModule,
  NotificationsModule,
  MatchingModule,
  PlacementsModule,
  ApplicationsModule,
  CaseworkModule,
  WorkshopsModule,
  CommuteModule,
  CooperationModule,
  ReportsModule,
  ImportsModule,
  SubsidiesModule,
  DemoAccountsModule,
];

/** The server-rendered pages (src/web): only in a process that serves HTTP (issue 14 item 7). */
export const WEB_MODULES = [SubsidiesPagesModule, WebModule];

/** What decides a process's modules: its role and whether the demo is on (src/platform/config). */
export type Composition = Pick<AppConfig, 'role' | 'demo'>;

/** The modules of one process: no pages in a worker, the demo data only when LEYE_DEMO is on. */
export function appModules(c: Composition): NonNullable<DynamicModule['imports']> {
  const serves: Record<ProcessRole, boolean> = { api: true, all: true, worker: false };
  return [
    ...CORE_MODULES,
    ...FEATURE_MODULES,
    ...(serves[c.role] ? WEB_MODULES : []),
    ...(c.demo ? [DemoModule] : []),
  ];
}

/**
 * Composition only (DESIGN.md "Shape"): the root module of one process, its imports chosen by the
 * process's config. A class with static metadata rather than a DynamicModule on purpose: Nest
 * registers a dynamic root's imports in another order, and the shutdown hooks follow that order
 * (TypeORM then closed the pool under the worker's active job, test/fault/sigterm.fault-spec.ts).
 */
export class AppModule {
  static forConfig(c: Composition): Type {
    @Module({ imports: appModules(c) })
    class ComposedAppModule {}
    // Nest's start-up lines name the root module.
    Object.defineProperty(ComposedAppModule, 'name', { value: 'AppModule' });
    return ComposedAppModule;
  }
}
