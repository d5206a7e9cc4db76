import { isDeepStrictEqual } from 'node:util';

type Doc = {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
};

/**
 * What differs between two OpenAPI documents, one line per operation or schema
 * ("+ POST /api/v1/x", "- schema Foo", "~ GET /api/v1/y"), so a failing drift check says what moved.
 */
export function contractDifferences(committed: Doc, served: Doc): string[] {
  const out: string[] = [];
  const ops = (d: Doc): Map<string, unknown> => {
    const m = new Map<string, unknown>();
    for (const [path, item] of Object.entries(d.paths ?? {}))
      for (const [method, op] of Object.entries(item)) m.set(`${method.toUpperCase()} ${path}`, op);
    return m;
  };
  const compare = (label: string, a: Map<string, unknown>, b: Map<string, unknown>): void => {
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (!a.has(key)) out.push(`+ ${label}${key} (served, not committed)`);
      else if (!b.has(key)) out.push(`- ${label}${key} (committed, no longer served)`);
      else if (!isDeepStrictEqual(a.get(key), b.get(key))) out.push(`~ ${label}${key}`);
    }
  };
  compare('', ops(committed), ops(served));
  const schemas = (d: Doc) => new Map(Object.entries(d.components?.schemas ?? {}));
  compare('schema ', schemas(committed), schemas(served));
  const rest = (d: Doc) => {
    const { paths: _p, components, ...others } = d as Doc & Record<string, unknown>;
    const { schemas: _s, ...otherComponents } = components ?? {};
    return new Map(Object.entries({ ...others, components: otherComponents }));
  };
  compare('', rest(committed), rest(served));
  return out.sort();
}
