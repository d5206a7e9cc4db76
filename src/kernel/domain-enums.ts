/**
 * The value lists several features share, declared once. API.md "Enumerations" is the contract:
 * the OpenAPI document and the tests compare these values in this order, and the entities' CHECK
 * constraints repeat them (a new value needs a migration). No imports: the matching engine
 * (`src/matching/engine/`, plain TypeScript) reads them too.
 */

export const LABOR_CAPACITIES = ['full', 'partial', 'none'] as const;
export type LaborCapacity = (typeof LABOR_CAPACITIES)[number];

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'not_seeking', 'student', 'retired'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** A household's poverty-monitoring status. */
export const MONITORING_STATUSES = ['none', 'unstable', 'marginal', 'hardship'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** A posting's `schedule` and a resident's preferred `schedules`. */
export const SCHEDULES = ['full_time', 'part_time', 'flexible', 'shifts', 'seasonal'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export const WAGE_UNITS = ['month', 'day', 'hour', 'piece'] as const;
export type WageUnit = (typeof WAGE_UNITS)[number];

/** The `industry` of employers and postings, of residents' preferences and experience. */
export const INDUSTRIES = [
  'agriculture',
  'tea',
  'herbal_medicine',
  'livestock',
  'forestry',
  'food_processing',
  'manufacturing',
  'garments',
  'electronics',
  'construction',
  'tourism',
  'catering',
  'retail',
  'ecommerce',
  'logistics',
  'domestic_services',
  'care',
  'property_services',
  'public_welfare',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
