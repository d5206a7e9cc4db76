/** The values on the wire (API.md "Enumerations"). */

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATIONS = [
  'none',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'vocational',
  'college',
] as const;
export type Education = (typeof EDUCATIONS)[number];

export const LABOR_CAPACITIES = ['full', 'partial', 'none'] as const;
export type LaborCapacity = (typeof LABOR_CAPACITIES)[number];

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'not_seeking', 'student', 'retired'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const MONITORING_STATUSES = ['none', 'unstable', 'marginal', 'hardship'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

export const SCHEDULES = ['full_time', 'part_time', 'flexible', 'shifts', 'seasonal'] as const;
export type Schedule = (typeof SCHEDULES)[number];

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

export const RESIDENT_STATUSES = ['active', 'pending'] as const;
/** `pending`: self-registered, waiting for an officer of the site to confirm. */
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

export const SKILL_SOURCES = ['self', 'officer', 'training', 'certificate'] as const;
export type SkillSource = (typeof SKILL_SOURCES)[number];
