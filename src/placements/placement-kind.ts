/** The values on the wire (API.md "Enumerations"). */
export const PLACEMENT_KINDS = [
  'local_enterprise',
  'workshop',
  'public_welfare',
  'self_employed',
  'away_from_home',
] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/** Follow-ups are due 1, 3 and 6 months after the start (DESIGN.md "Domain": Placement). */
export const FOLLOW_UP_MONTHS = [1, 3, 6] as const;
export type FollowUpMonth = (typeof FOLLOW_UP_MONTHS)[number];
