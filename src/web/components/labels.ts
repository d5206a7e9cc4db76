import type { ApplicationStatus } from '../../applications/application-status';
import type { Industry, Schedule, WageUnit } from '../../kernel/domain-enums';
import type { EmployerKind } from '../../employers/employer-kind';
import type { MessageKey } from '../../i18n/web/messages';
import { statusKey } from '../../i18n/status-vocabulary';

/**
 * Words and icons for the enumerations the resident and employer pages show. Each industry has
 * an emoji beside its name (no icon font, no image request); the emoji is decoration, the word
 * carries the meaning (aria-hidden on the icon).
 */
export const INDUSTRY_ICON: Record<Industry, string> = {
  agriculture: '🌾',
  tea: '🍵',
  herbal_medicine: '🌿',
  livestock: '🐖',
  forestry: '🌲',
  food_processing: '🥫',
  manufacturing: '🏭',
  garments: '🧵',
  electronics: '🔌',
  construction: '🧱',
  tourism: '🏞',
  catering: '🍲',
  retail: '🛒',
  ecommerce: '📦',
  logistics: '🚚',
  domestic_services: '🧹',
  care: '🤲',
  property_services: '🏢',
  public_welfare: '🤝',
  other: '🔧',
};

export const industryLabel = (i: Industry): MessageKey => `industry.${i}`;
export const scheduleLabel = (s: Schedule): MessageKey => `schedule.${s}`;
export const scheduleHours = (s: Schedule): MessageKey => `schedule.${s}.hours`;
/** The resident's word for a status (status-vocabulary.ts has every reader's). */
export const statusLabel = (s: ApplicationStatus): MessageKey => statusKey('resident', s);
export const kindLabel = (k: EmployerKind): MessageKey => `employerKind.${k}`;
export const unitLabel = (u: WageUnit): MessageKey => `wageUnit.${u}`;
export const levelLabel = (n: number): MessageKey =>
  (['skillLevel.1', 'skillLevel.2', 'skillLevel.3', 'skillLevel.4'] as const)[
    Math.min(3, Math.max(0, n - 1))
  ];

/** Industries shown as one-tap chips on the search page (the rest are in the filter form). */
export const CHIP_INDUSTRIES: Industry[] = [
  'tea',
  'agriculture',
  'garments',
  'construction',
  'catering',
  'care',
];
