import boundaries from 'eslint-plugin-boundaries';

/*
 * The direction of imports (issue 14; src/README.md): web → features → core (access, audit,
 * i18n) → platform → kernel. The kernel is pure (types, errors, the one clock, geo, pages) and
 * imports nothing of ours but itself; platform (config, database and outbox, queue, redis,
 * crypto, http, logging, openapi, sms) imports the kernel and itself, never a feature; features
 * never import web; a feature's entities, repositories and SQL makers (`*-sql.ts`) are its
 * own — another folder may import their *types*, never the values (a value import is how one
 * feature starts querying another's tables). Proved to bite by src/architecture.spec.ts, which lints made-up files
 * placed in real folders.
 */
export const KERNEL = 'src/kernel';
export const PLATFORM = 'src/platform';
export const CORE = ['access', 'audit', 'i18n'];

export default {
  files: ['src/**/*.{ts,tsx}', 'tools/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    // First match wins: kernel and platform before the catch-all feature pattern.
    'boundaries/elements': [
      { type: 'kernel', pattern: KERNEL },
      { type: 'platform', pattern: `${PLATFORM}/*`, capture: ['name'] },
      { type: 'core', pattern: `src/(${CORE.join('|')})`, capture: ['name'] },
      { type: 'web', pattern: 'src/web' },
      // Composition roots: the CLI and the demo may reach anything.
      { type: 'app', pattern: '(src/cli|tools/demo)' },
      { type: 'feature', pattern: 'src/*', capture: ['name'] },
    ],
    // A feature's SQL makers (`*-sql.ts`) are as private as its repositories: another feature
    // gets a condition from the owner's directory (kernel/sql-condition.ts), never the maker.
    // access's scope/scope-sql.ts is the one rule every list uses, so it stays open.
    'boundaries/files': [
      {
        category: 'private',
        pattern: ['**/*.entity.ts', '**/*.repository.ts', 'src/!(access)/**/*-sql.ts'],
      },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      2,
      {
        default: 'disallow',
        // Last matching policy wins.
        policies: [
          { from: { element: { type: 'kernel' } }, allow: { to: { element: { type: 'kernel' } } } },
          {
            from: { element: { type: 'platform' } },
            allow: { to: { element: { types: { anyOf: ['kernel', 'platform'] } } } },
          },
          {
            from: { element: { type: 'core' } },
            allow: { to: { element: { types: { anyOf: ['kernel', 'platform', 'core'] } } } },
          },
          // Types flow upwards (a label catalogue names a feature's status union); code does not.
          {
            from: { element: { type: 'core' } },
            allow: { to: { element: { type: 'feature' } }, dependency: { kind: 'type' } },
          },
          {
            from: { element: { type: 'feature' } },
            allow: { to: { element: { types: { anyOf: ['kernel', 'platform', 'core', 'feature'] } } } },
          },
          {
            from: { element: { type: 'web' } },
            allow: { to: { element: { types: { anyOf: ['kernel', 'platform', 'core', 'feature', 'web'] } } } },
          },
          { from: { element: { type: 'app' } }, allow: { to: { element: { type: '*' } } } },
          // Entities and repositories: no class import from outside their own folder…
          { disallow: { to: { file: { categories: 'private' } }, dependency: { kind: 'value' } } },
          // …and free use inside it.
          { allow: { dependency: { relationship: { to: 'internal' } } } },
          // Composition roots (the CLI, the demo seeder) may use any class.
          { from: { element: { type: 'app' } }, allow: { to: { element: { type: '*' } } } },
        ],
      },
    ],
  },
};
