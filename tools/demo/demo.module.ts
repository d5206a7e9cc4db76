import { Module } from '@nestjs/common';
import { DemoDataStep } from './demo-data.step';

/**
 * The demo data at start (DemoDataStep); loaded only when LEYE_DEMO is on (app.module.ts), or by
 * `npm run seed:demo`. The demo accounts' guard is DemoAccountsModule; the generator is generate.ts.
 */
@Module({ providers: [DemoDataStep], exports: [DemoDataStep] })
export class DemoModule {}
