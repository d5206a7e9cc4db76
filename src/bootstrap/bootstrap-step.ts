import { SetMetadata } from '@nestjs/common';

export const BOOTSTRAP_STEP = 'leye:bootstrap-step';

export interface BootstrapStepOptions {
  /** Lower runs first: 10 reference data, 50 admin, 90 demo data. */
  order: number;
  name: string;
  /** Run only when the process bootstraps the database (npm start, LEYE_BOOTSTRAP=true). */
  onlyOnBootstrap?: boolean;
}

/** A provider with `run()` that must run at start, after migrations (reference data, admin, demo). */
export interface BootstrapRunner {
  run(): Promise<void>;
}

export const BootstrapStep = (o: BootstrapStepOptions): ClassDecorator => SetMetadata(BOOTSTRAP_STEP, o);
