import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../platform/config/app-config';
import { AccessGuard } from './access.guard';
import { AccountsDirectory } from './accounts-directory';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OfficersDirectory } from './officers-directory';
import { OfficersRepository } from './officers.repository';
import { RateLimits } from './rate-limits';
import { SmsSender, smsSenderFor } from '../platform/sms/sms-sender';
import { RegistrationCodesRepository } from './registration-codes.repository';
import { RegistrationService } from './registration.service';
import { ScopePolicy } from './scope/scope-policy';
import { SessionsRepository } from './sessions.repository';
import { UsersService } from './users.service';
import { WebSessions } from './web-sessions';
import { PurgeExpiredSessionsJob } from './purge-expired-sessions.job';

@Global()
@Module({
  imports: [
    // RegistrationService finds the resident registrar (common/reactions.ts).
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    PurgeExpiredSessionsJob,
    AuthService,
    UsersService,
    RateLimits,
    RegistrationService,
    ScopePolicy,
    WebSessions,
    OfficersDirectory, // the officers' read API for notifications and imports
    OfficersRepository,
    AccountsDirectory, // the accounts' read API (names, resident links) for commute and residents
    AccountsRepository,
    SessionsRepository,
    RegistrationCodesRepository,
    // One-time codes go out through the SMS port (the dev outbox in tests and development).
    { provide: SmsSender, inject: [AppConfig], useFactory: smsSenderFor },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    AuthService,
    UsersService,
    RateLimits,
    RegistrationService,
    ScopePolicy,
    WebSessions,
    SmsSender,
    OfficersDirectory,
    AccountsDirectory,
  ],
})
export class AccessModule {}
