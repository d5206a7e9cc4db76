export const ROLES = ['resident', 'employer', 'officer', 'provider', 'admin'] as const;
export type Role = (typeof ROLES)[number];
