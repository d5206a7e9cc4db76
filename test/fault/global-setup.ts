import { buildForFaults } from '../support/processes';

/** One build of the app per run (reused while no source changed); the tests spawn it. */
export default function globalSetup(): void {
  buildForFaults();
}
