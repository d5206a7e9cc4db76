import { Module } from '@nestjs/common';
import { DemoAccountsStep } from './demo-accounts.step';
import { DemoDataStep } from './demo-data.step';

/**
 * Demo data at start (DemoDataStep), the demo accounts closed when the demo is off
 * (DemoAccountsStep); the generator lives beside them (generate.ts).
 */
@Module({ providers: [DemoDataStep, DemoAccountsStep], exports: [DemoDataStep] })
export class DemoModule {}
