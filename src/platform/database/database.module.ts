import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { ReadReplica } from './read-replica';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.databaseReplicaUrls, config.databasePoolSize),
        // Let the app boot while PostgreSQL is away; requests answer 503 until it returns.
        retryAttempts: 10,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [OutboxService, OutboxRelay, ReadReplica],
  exports: [OutboxService, OutboxRelay, ReadReplica],
})
export class DatabaseModule {}
