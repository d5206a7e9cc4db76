import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { BootstrapService } from '../bootstrap/bootstrap.service';
import { loadConfig } from '../platform/config/app-config';
import { ensureDatabase } from '../platform/database/create-database';
import { DemoDataStep } from '../../tools/demo/demo-data.step';

/**
 * `npm run seed:demo`: the demo data of README.md on an empty database (created and migrated
 * when missing), whatever LEYE_DEMO says. On a database that already holds households or
 * postings it adds nothing and says so.
 */
async function main(): Promise<void> {
  process.env.LEYE_ROLE = 'api';
  // Bootstrap: the app migrates while it is built (the deployment id needs its table); the demo
  // is loaded below by seed(), whatever LEYE_DEMO says, not by the bootstrap step.
  process.env.LEYE_BOOTSTRAP = 'true';
  process.env.LEYE_DEMO = 'false';
  process.env.LEYE_SCHEDULER = 'false';
  const config = loadConfig();
  if (await ensureDatabase(config.databaseUrl)) console.log('Created the database');
  const app = await NestFactory.createApplicationContext(
    // The demo module explicitly: LEYE_DEMO stays false so the bootstrap step does not load it too.
    AppModule.forConfig({ role: 'api', demo: true }),
  );
  try {
    const boot = app.get(BootstrapService);
    await boot.migrate();
    await boot.runSteps(); // reference data and the admin (demo data is onlyOnBootstrap)
    const result = await app.get(DemoDataStep).seed();
    if (!result) console.log('Nothing to do: the database already holds households or postings.');
    else console.log(`Demo data loaded in ${result.ms} ms (synthetic, marked 演示).`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
