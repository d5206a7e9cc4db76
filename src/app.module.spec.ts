import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { appModules, type Composition } from './app.module';
import { DemoAccountsModule } from '../tools/demo/demo-accounts.module';
import { DemoModule } from '../tools/demo/demo.module';
import { WorkshopsModule } from './programmes/workshops/workshops.module';
import { WebModule } from './web/web.module';

type Entry = Type | DynamicModule;

/** Every module a composition reaches, through static and dynamic imports, by class. */
function reached(c: Composition): Set<Type> {
  const seen = new Set<Type>();
  const visit = (entry: Entry): void => {
    const dynamic = 'module' in entry ? entry : null;
    const cls = (dynamic ? dynamic.module : entry) as Type;
    if (seen.has(cls)) return;
    seen.add(cls);
    const imports: Entry[] = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) as Entry[] | undefined) ?? []),
      ...((dynamic?.imports as Entry[] | undefined) ?? []),
    ];
    imports.forEach(visit);
  };
  appModules(c).forEach((m) => visit(m as Entry));
  return seen;
}

/** Modules of the web pages: WebModule and every *PagesModule, wherever it is registered. */
const pageModules = (mods: Set<Type>): string[] =>
  [...mods].map((m) => m.name).filter((n) => n === 'WebModule' || n.endsWith('PagesModule'));

describe('appModules (issue 14 item 7)', () => {
  it('boots a worker without the web pages, but with the features whose jobs it runs', () => {
    const worker = reached({ role: 'worker', demo: false });
    expect(worker.has(WebModule)).toBe(false);
    expect(pageModules(worker)).toEqual([]);
    // The jobs live in feature modules (workshops-daily.job.ts) and the demo accounts' guard runs at every start.
    expect(worker.has(WorkshopsModule)).toBe(true);
    expect(worker.has(DemoAccountsModule)).toBe(true);
  });

  it('keeps the pages in api and all', () => {
    for (const role of ['api', 'all'] as const) {
      const mods = reached({ role, demo: false });
      expect(mods.has(WebModule)).toBe(true);
      expect(pageModules(mods)).toContain('SubsidiesPagesModule');
    }
  });

  it('loads the demo data only when the demo is on, and its guard either way', () => {
    expect(reached({ role: 'all', demo: true }).has(DemoModule)).toBe(true);
    expect(reached({ role: 'all', demo: false }).has(DemoModule)).toBe(false);
    expect(reached({ role: 'worker', demo: true }).has(DemoModule)).toBe(true);
    expect(reached({ role: 'all', demo: false }).has(DemoAccountsModule)).toBe(true);
  });
});
