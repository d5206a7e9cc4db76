import { randomUUID } from 'node:crypto';
import type { Population } from './population';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The demo population with fresh random ids, the same one for every mention of an id (rows and
 * the references between them), everything else unchanged. The builder draws its ids from the
 * seeded sequence so the generator is reproducible; the demo of `npm start` must not be, or every
 * database would hold the same resident ids and a Redis that served an earlier install would
 * still know their job ids (issue 11 item 8). Every uuid in a population is one the builder drew
 * (skills and regions are named by code), so every uuid string is remapped.
 */
export function withFreshIds(population: Population): Population {
  const ids = new Map<string, string>();
  const remap = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!UUID.test(value)) return value;
      let fresh = ids.get(value);
      if (!fresh) ids.set(value, (fresh = randomUUID()));
      return fresh;
    }
    if (Array.isArray(value)) return value.map(remap);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v)]));
    }
    return value;
  };
  return remap(population) as Population;
}
