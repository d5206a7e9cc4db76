import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BootstrapStep, type BootstrapRunner } from '../../src/bootstrap/bootstrap-step';
import { AppConfig } from '../../src/platform/config/app-config';
import { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { DEMO_ACCOUNTS } from './demo-scenario';
import { SYNTHETIC_MARK } from './names';

/**
 * The demo accounts of a database seeded earlier (issue 12 item 6). Their passwords are in the
 * README, so turning the demo off must also close them: at every start with the demo off, they
 * are disabled. With the demo on, an account seeded by an older version keeps no region scope
 * (a region covered the real households of that township): demo accounts reach demo sites only.
 * Only accounts with both a demo phone and the synthetic mark in their name are touched.
 */
@Injectable()
@BootstrapStep({ order: 91, name: 'demo accounts' })
export class DemoAccountsStep implements BootstrapRunner {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly pii: PiiCipher,
  ) {}

  async run(): Promise<void> {
    const hmacs = Object.values(DEMO_ACCOUNTS).map((p) => this.pii.hmac('phone', p));
    const demo = `%${SYNTHETIC_MARK}%`;
    if (!this.config.demo) {
      const [, closed] = await this.dataSource.query<[unknown, number]>(
        `UPDATE app_user SET disabled_at = now(), updated_at = now()
          WHERE phone_hmac = ANY($1) AND name LIKE $2 AND disabled_at IS NULL`,
        [hmacs, demo],
      );
      if (closed)
        this.logger.warn(`Demo is off: disabled ${closed} demo account(s) whose passwords are public`);
      return;
    }
    const [, narrowed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE app_user SET scope_region_codes = '{}', updated_at = now()
        WHERE phone_hmac = ANY($1) AND name LIKE $2 AND cardinality(scope_region_codes) > 0`,
      [hmacs, demo],
    );
    if (narrowed)
      this.logger.warn(`Demo accounts reach demo sites only: removed the region scope of ${narrowed}`);
  }
}
