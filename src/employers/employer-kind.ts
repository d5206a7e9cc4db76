/** Employer `kind` (API.md): enterprise, cooperative, poverty-alleviation workshop, labour-service company, public-welfare post sponsor. */
export const EMPLOYER_KINDS = [
  'enterprise',
  'cooperative',
  'workshop',
  'labour_service',
  'public_welfare',
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
