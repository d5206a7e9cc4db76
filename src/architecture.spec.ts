import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/*
 * The import-direction rule (eslint.boundaries.mjs) bites: each case lints a made-up file as if
 * it lived at `at`, with imports of real files, and expects the rule to fail it or let it pass.
 */
const ROOT = join(__dirname, '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(at: string, code: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      ESLINT,
      '--no-config-lookup',
      '-c',
      'test/lint/eslint.fixtures.mjs',
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      at,
    ],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  if (!run.stdout) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('import direction (lint)', () => {
  jest.setTimeout(60_000);

  it('refuses platform code that imports a feature', () => {
    const out = lint(
      'src/platform/config/zz-fixture.ts',
      "import { PlacementsService } from '../../placements/placements.service';\nexport const x = PlacementsService;\n",
    );
    expect(out).toEqual([expect.stringContaining('boundaries/dependencies')]);
  });

  it('refuses kernel code that imports platform or a feature, and platform code that imports core', () => {
    expect(
      lint(
        'src/kernel/zz-fixture.ts',
        "import { AppConfig } from '../platform/config/app-config';\nexport const x = AppConfig;\n",
      ),
    ).toEqual([expect.stringContaining('boundaries/dependencies')]);
    expect(
      lint(
        'src/kernel/zz-fixture.ts',
        "import { PlacementsService } from '../placements/placements.service';\nexport const x = PlacementsService;\n",
      ),
    ).toEqual([expect.stringContaining('boundaries/dependencies')]);
    expect(
      lint(
        'src/platform/queue/zz-fixture.ts',
        "import { ScopePolicy } from '../../access/scope/scope-policy';\nexport const x = ScopePolicy;\n",
      ),
    ).toEqual([expect.stringContaining('boundaries/dependencies')]);
    expect(
      lint(
        'src/platform/queue/zz-fixture.ts',
        "import { todayInPilotZone } from '../../kernel/clock';\nexport const x = todayInPilotZone;\n",
      ),
    ).toEqual([]);
  });

  it('refuses a feature that imports a web page', () => {
    const out = lint(
      'src/placements/zz-fixture.ts',
      "import { Layout } from '../web/components/layout';\nexport const x = Layout;\n",
    );
    expect(out).toEqual([expect.stringContaining('boundaries/dependencies')]);
  });

  it("refuses a class import of another feature's entity, allows its type and the feature's own", () => {
    const foreign = lint(
      'src/training/zz-fixture.ts',
      "import { Placement } from '../placements/placement.entity';\nexport const x = Placement;\n",
    );
    expect(foreign).toEqual([expect.stringContaining('private')]);
    const typeOnly = lint(
      'src/training/zz-fixture.ts',
      "import type { Placement } from '../placements/placement.entity';\nexport type X = Placement;\n",
    );
    expect(typeOnly).toEqual([]);
    const own = lint(
      'src/placements/zz-fixture.ts',
      "import { Placement } from './placement.entity';\nexport const x = Placement;\n",
    );
    expect(own).toEqual([]);
  });

  it("refuses another feature's SQL maker, allows the shared scope rule and the owner's directory", () => {
    expect(
      lint(
        'src/casework/zz-fixture.ts',
        "import { householdsWhereSql } from '../residents/household-filter-sql';\nexport const x = householdsWhereSql;\n",
      ),
    ).toEqual([expect.stringContaining('private')]);
    expect(
      lint(
        'src/casework/zz-fixture.ts',
        "import { managesSiteSql } from '../access/scope/scope-sql';\nimport { HouseholdsDirectory } from '../residents/households-directory';\nexport const x = [managesSiteSql, HouseholdsDirectory];\n",
      ),
    ).toEqual([]);
    expect(
      lint(
        'src/residents/zz-fixture.ts',
        "import { readableHouseholdsSql } from './scope-sql';\nexport const x = readableHouseholdsSql;\n",
      ),
    ).toEqual([]);
  });

  it('lets features use platform, access and other features, and web use features', () => {
    expect(
      lint(
        'src/training/zz-fixture.ts',
        "import { AppConfig } from '../platform/config/app-config';\nimport { ScopePolicy } from '../access/scope/scope-policy';\nimport { PlacementsService } from '../placements/placements.service';\nexport const x = [AppConfig, ScopePolicy, PlacementsService];\n",
      ),
    ).toEqual([]);
    expect(
      lint(
        'src/web/zz-fixture.ts',
        "import { PlacementsService } from '../placements/placements.service';\nexport const x = PlacementsService;\n",
      ),
    ).toEqual([]);
  });
});
