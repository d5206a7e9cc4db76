// Only the import-direction rule, without type information, for src/architecture.spec.ts: it
// lints code handed over on stdin as if it lived at a given path under src/.
import tseslint from 'typescript-eslint';
import boundariesConfig from '../../eslint.boundaries.mjs';

export default [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, boundariesConfig];
