import { COMPONENT_NAMES, type Components } from '../engine';

/** A result's components as the two real[] columns of match (COMPONENT_NAMES order). */
export function componentColumns(c: Components): { values: number[]; points: number[] } {
  return { values: COMPONENT_NAMES.map((n) => c[n].value), points: COMPONENT_NAMES.map((n) => c[n].points) };
}

/** The API's components object from the stored columns. */
export function componentsOf(values: readonly number[], points: readonly number[]): Components {
  const out = {} as Components;
  COMPONENT_NAMES.forEach((name, i) => {
    out[name] = { value: Number(values[i] ?? 0), points: Number(points[i] ?? 0) };
  });
  return out;
}
