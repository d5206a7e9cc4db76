export const ROLES = ['resident', 'employer', 'officer', 'provider', 'admin', 'liaison'] as const;
export type Role = (typeof ROLES)[number];
