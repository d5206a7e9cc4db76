import { Module } from '@nestjs/common';
import { DemoAccountsStep } from './demo-accounts.step';

/**
 * The demo accounts' guard (DemoAccountsStep), apart from DemoModule because it matters most
 * when the demo is off: it closes accounts whose passwords are in the README. Every start loads it.
 */
@Module({ providers: [DemoAccountsStep] })
export class DemoAccountsModule {}
