/** The `industry` values on the wire (API.md "Enumerations"), shared by employers, postings and preferences. */
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

/** Employer `kind` (API.md): enterprise, cooperative, poverty-alleviation workshop, labour-service company, public-welfare post sponsor. */
export const EMPLOYER_KINDS = [
  'enterprise',
  'cooperative',
  'workshop',
  'labour_service',
  'public_welfare',
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
