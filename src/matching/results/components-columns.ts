import {
  COMPONENT_NAMES,
  TRAVEL_SOURCES,
  type ComponentName,
  type ComponentScore,
  type Components,
  type TravelSource,
} from '../engine';

/** A result's components as the two real[] columns of match (COMPONENT_NAMES order). */
export function componentColumns(c: Components): { values: number[]; points: number[] } {
  return { values: COMPONENT_NAMES.map((n) => c[n].value), points: COMPONENT_NAMES.map((n) => c[n].points) };
}

/**
 * The API's components object from the stored columns; the distance part with the trip it was
 * scored on (travel_minutes, travel_source: null on rows of an engine before 2.1 = unknown).
 */
export function componentsOf(
  values: readonly number[],
  points: readonly number[],
  travel: { minutes: number | null; source: string | null },
): Components {
  const out = {} as Record<ComponentName, ComponentScore>;
  COMPONENT_NAMES.forEach((name, i) => {
    out[name] = { value: Number(values[i] ?? 0), points: Number(points[i] ?? 0) };
  });
  const source = (TRAVEL_SOURCES as readonly string[]).includes(travel.source ?? '')
    ? (travel.source as TravelSource)
    : 'unknown';
  return {
    ...out,
    distance: { ...out.distance, minutes: travel.minutes === null ? null : Number(travel.minutes), source },
  };
}
