/** Residents' own values on the wire (API.md "Enumerations"); the shared lists are in common/domain-enums. */

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

export const RESIDENT_STATUSES = ['active', 'pending'] as const;
/** `pending`: self-registered, waiting for an officer of the site to confirm. */
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

export const SKILL_SOURCES = ['self', 'officer', 'training', 'certificate'] as const;
export type SkillSource = (typeof SKILL_SOURCES)[number];
