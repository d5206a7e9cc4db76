import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/access/passwords';
import { BootstrapStep, type BootstrapRunner } from '../../src/bootstrap/bootstrap-step';
import { AppConfig } from '../../src/platform/config/app-config';
import { maskPhone } from '../../src/platform/crypto/masking';
import { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { buildDemoPopulation, DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLogin } from './demo-scenario';
import { withFreshIds } from './fresh-ids';
import { writePopulation, type WriteCounts } from './population-writer';
import { isEmptyOfPopulation, loadSkills, loadTownships } from './reference';

export interface DemoSeedResult {
  counts: WriteCounts;
  logins: DemoLogin[];
  ms: number;
}

/**
 * The demo data of README.md, on an empty database only (no households, no postings): `npm start`
 * with LEYE_DEMO (default true) and `npm run seed:demo`. Everything is synthetic and marked 演示.
 */
@Injectable()
@BootstrapStep({ order: 90, name: 'demo data', onlyOnBootstrap: true })
export class DemoDataStep implements BootstrapRunner {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly pii: PiiCipher,
  ) {}

  async run(): Promise<void> {
    if (!this.config.demo) return;
    await this.seed();
  }

  /** Loads the demo unless the database already holds a population; null when it skipped. */
  async seed(): Promise<DemoSeedResult | null> {
    const started = Date.now();
    const result = await this.dataSource.transaction(async (m) => {
      // Two processes starting together: one seeds, the other then finds the data.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['leye:demo-data']);
      if (!(await isEmptyOfPopulation(m))) {
        this.logger.log('Demo data skipped: the database already holds households or postings');
        return null;
      }
      const taken: { n: string }[] = await m.query(
        'SELECT count(*)::text AS n FROM app_user WHERE phone_hmac = ANY($1)',
        [Object.values(DEMO_ACCOUNTS).map((p) => this.pii.hmac('phone', p))],
      );
      if (Number(taken[0].n) > 0) {
        this.logger.warn('Demo data skipped: a demo phone number already has an account');
        return null;
      }
      const skills = await loadSkills(m);
      const now = new Date();
      const { population, logins } = buildDemoPopulation({
        skills,
        townships: await loadTownships(m),
        asOf: now.toISOString().slice(0, 10),
        now,
      });
      const counts = await writePopulation(m, withFreshIds(population), skills, {
        pii: this.pii,
        demoPasswordHash: await hashPassword(DEMO_PASSWORD),
        outbox: true,
        auditAction: 'demo.seed',
      });
      return { counts, logins };
    });
    if (!result) return null;
    const ms = Date.now() - started;
    const c = result.counts;
    this.logger.log(
      `Demo data loaded (SYNTHETIC, marked 演示): ${c.sites} sites, ${c.households} households, ${c.residents} residents, ` +
        `${c.employers} employers, ${c.postings} postings, ${c.courses} courses in ${ms} ms`,
    );
    // A block a person can read and copy at the terminal, not a JSON log line per login.
    const block = [
      '',
      `Demo logins (password ${DEMO_PASSWORD}; all demo people and numbers are invented):`,
      `  admin     ${maskPhone(this.config.adminPhone)}  bootstrap admin (password from LEYE_ADMIN_PASSWORD)`,
      ...result.logins.map((l) => `  ${l.role.padEnd(9)} ${l.phone}  ${l.who}`),
      '',
    ];
    process.stdout.write(`${block.join('\n')}\n`);
    this.logger.log(`Demo logins printed above (${result.logins.length} accounts)`);
    return { ...result, ms };
  }
}
