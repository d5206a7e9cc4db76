import { Module } from '@nestjs/common';
import { DemoDataStep } from './demo-data.step';

/** Demo data at start (DemoDataStep); the generator lives beside it (generate.ts). */
@Module({ providers: [DemoDataStep], exports: [DemoDataStep] })
export class DemoModule {}
