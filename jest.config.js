// Two projects: unit tests sit beside the code; e2e tests boot the real app against real
// PostgreSQL and Redis, in a database created for the run (test/support/global-setup.ts).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
// content-disposition 3 (via @fastify/static) and json-schema-ref-parser (via swagger-parser)
// are ESM-only; let swc turn them into CommonJS.
const transformIgnorePatterns = [
  '/node_modules/(?!(content-disposition|@apidevtools/json-schema-ref-parser)/)',
];
// BullMQ and pino keep timers a few hundred ms after app.close(): the test scripts pass --forceExit
// (Jest ignores forceExit inside a project), so a run never hangs in CI.
module.exports = {
  // zz-* files last, the e2e log scan (zz-log-scan) last of all (test/support/last-sequencer.js).
  testSequencer: '<rootDir>/test/support/last-sequencer.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/env.ts'],
      testTimeout: 60000,
    },
    {
      // Faults with real processes (test/fault/README.md): the built app as child processes,
      // private PostgreSQL and Redis servers that the tests stop and restart. Run in band.
      displayName: 'fault',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
      modulePathIgnorePatterns: ['<rootDir>/test-output/', '<rootDir>/dist/'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/fault/global-setup.ts',
      testTimeout: 240000,
    },
    {
      // Scale-out (issue 8, test/scale): 2 api and 3 worker processes of the fault build on the
      // shared PostgreSQL and Redis (own database and queue prefix). Run in band.
      displayName: 'scale',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/scale/**/*.scale-spec.ts'],
      modulePathIgnorePatterns: ['<rootDir>/test-output/', '<rootDir>/dist/'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/fault/global-setup.ts',
      testTimeout: 360000,
    },
    {
      // Pages in a real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against
      // the real app on a real port; screenshots go to test-output/screenshots. Run in band.
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/env.ts'],
      testTimeout: 120000,
    },
  ],
};
