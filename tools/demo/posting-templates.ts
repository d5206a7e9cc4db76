import type { Industry } from '../../src/kernel/domain-enums';
import type { PostingTemplate } from './posting-template';
import { TEA, HERBAL_MEDICINE, AGRICULTURE, LIVESTOCK, FORESTRY } from './posting-templates-farm';
import {
  CONSTRUCTION,
  GARMENTS,
  MANUFACTURING,
  ELECTRONICS,
  FOOD_PROCESSING,
  LOGISTICS,
} from './posting-templates-trades';
import {
  PROPERTY_SERVICES,
  CATERING,
  TOURISM,
  CARE,
  DOMESTIC_SERVICES,
  ECOMMERCE,
  PUBLIC_WELFARE,
  RETAIL,
} from './posting-templates-services';

export { HEALTH_CERTIFICATE, type PostingTemplate } from './posting-template';

/*
 * Vacancies typical of the labour market around Wuling resettlement sites, with wages of the
 * area (2024–2026 levels, yuan) and the taxonomy's skill codes (config/skills.yaml). The demo
 * and the generator draw postings from this list.
 */

/**
 * Every template, industry by industry. The order is part of what a seed reproduces (the
 * demo finds templates by title, the generator picks among an industry's templates by index):
 * add a new one at the end of its industry's list.
 */
export const POSTING_TEMPLATES: PostingTemplate[] = [
  ...TEA,
  ...HERBAL_MEDICINE,
  ...AGRICULTURE,
  ...CONSTRUCTION,
  ...PROPERTY_SERVICES,
  ...CATERING,
  ...TOURISM,
  ...GARMENTS,
  ...MANUFACTURING,
  ...ELECTRONICS,
  ...LOGISTICS,
  ...CARE,
  ...DOMESTIC_SERVICES,
  ...ECOMMERCE,
  ...FOOD_PROCESSING,
  ...PUBLIC_WELFARE,
  ...LIVESTOCK,
  ...RETAIL,
  ...FORESTRY,
];

/** How common employers of each industry are around the sites (generator weights). */
export const INDUSTRY_WEIGHTS: [Industry, number][] = [
  ['tea', 14],
  ['herbal_medicine', 8],
  ['agriculture', 10],
  ['construction', 12],
  ['property_services', 8],
  ['catering', 8],
  ['tourism', 7],
  ['garments', 8],
  ['manufacturing', 6],
  ['electronics', 3],
  ['logistics', 5],
  ['care', 4],
  ['domestic_services', 4],
  ['ecommerce', 3],
  ['food_processing', 6],
  ['public_welfare', 3],
  ['livestock', 4],
  ['retail', 4],
  ['forestry', 2],
];

export function templatesOf(industry: Industry): PostingTemplate[] {
  return POSTING_TEMPLATES.filter((t) => t.industry === industry);
}
