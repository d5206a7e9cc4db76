/**
 * Skill categories are the API.md `industry` values, so a resident's skills, their preferred
 * industries and a posting's industry speak the same words. The labels are what the web shows.
 */
export const SKILL_CATEGORIES = {
  agriculture: { nameZh: '种植', nameEn: 'Agriculture' },
  tea: { nameZh: '茶叶', nameEn: 'Tea' },
  herbal_medicine: { nameZh: '中药材', nameEn: 'Herbal medicine' },
  livestock: { nameZh: '养殖', nameEn: 'Livestock' },
  forestry: { nameZh: '林业', nameEn: 'Forestry' },
  food_processing: { nameZh: '食品加工', nameEn: 'Food processing' },
  manufacturing: { nameZh: '制造与手工', nameEn: 'Manufacturing and crafts' },
  garments: { nameZh: '服装', nameEn: 'Garments' },
  electronics: { nameZh: '电子', nameEn: 'Electronics' },
  construction: { nameZh: '建筑', nameEn: 'Construction' },
  tourism: { nameZh: '旅游民宿', nameEn: 'Tourism and homestays' },
  catering: { nameZh: '餐饮', nameEn: 'Catering' },
  retail: { nameZh: '零售', nameEn: 'Retail' },
  ecommerce: { nameZh: '电商', nameEn: 'E-commerce' },
  logistics: { nameZh: '物流运输', nameEn: 'Logistics and driving' },
  domestic_services: { nameZh: '家政与生活服务', nameEn: 'Domestic and personal services' },
  care: { nameZh: '护理照料', nameEn: 'Care' },
  property_services: { nameZh: '物业保洁保安', nameEn: 'Property, cleaning and security' },
  public_welfare: { nameZh: '公益岗位', nameEn: 'Public-welfare posts' },
  other: { nameZh: '其他', nameEn: 'Other' },
} as const;

export type SkillCategory = keyof typeof SKILL_CATEGORIES;

export const SKILL_CATEGORY_CODES = Object.keys(SKILL_CATEGORIES) as SkillCategory[];

export function isSkillCategory(v: string): v is SkillCategory {
  return Object.prototype.hasOwnProperty.call(SKILL_CATEGORIES, v);
}
