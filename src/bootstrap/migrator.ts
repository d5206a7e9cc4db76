import { Injectable, type Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { migrateUnderLock } from './migrate';

/**
 * The migrations step as a provider, so BootstrapService orders the start-up without holding the
 * DataSource itself: the migrations work on the database, not on a feature's tables.
 */
@Injectable()
export class Migrator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(logger?: Logger): Promise<void> {
    return migrateUnderLock(this.dataSource, logger);
  }
}
