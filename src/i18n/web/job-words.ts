import { STATUS_VOCABULARY_EN, STATUS_VOCABULARY_ZH } from '../status-vocabulary';

/**
 * The words the resident and employer pages share: the menu's job links, industries, schedules,
 * wage units, skill levels, employer kinds and application statuses (status-vocabulary.ts).
 * Spread into messages.ts; `zh` defines the keys, `en` must have every one of them.
 */
export const JOB_WORDS_ZH = {
  'nav.jobs': '找工作',
  'nav.forMe': '为我推荐',
  'nav.myApplications': '我的报名',
  'nav.notifications': '消息',
  'nav.profile': '我的资料',
  'nav.employerPostings': '招工',

  'industry.agriculture': '种地',
  'industry.tea': '茶叶',
  'industry.herbal_medicine': '中药材',
  'industry.livestock': '养殖',
  'industry.forestry': '林业',
  'industry.food_processing': '食品加工',
  'industry.manufacturing': '工厂',
  'industry.garments': '服装',
  'industry.electronics': '电子厂',
  'industry.construction': '建筑',
  'industry.tourism': '旅游',
  'industry.catering': '餐饮',
  'industry.retail': '商店',
  'industry.ecommerce': '网店',
  'industry.logistics': '物流',
  'industry.domestic_services': '家政',
  'industry.care': '护理',
  'industry.property_services': '物业',
  'industry.public_welfare': '公益岗位',
  'industry.other': '其他',

  'schedule.full_time': '全职',
  'schedule.part_time': '兼职',
  'schedule.flexible': '时间灵活',
  'schedule.shifts': '倒班',
  'schedule.seasonal': '季节工',
  'schedule.full_time.hours': '全天上班',
  'schedule.part_time.hours': '每天干几个小时',
  'schedule.flexible.hours': '时间自己安排',
  'schedule.shifts.hours': '轮班，有时上夜班',
  'schedule.seasonal.hours': '按季节干，忙时上班',

  'wageUnit.month': '按月',
  'wageUnit.day': '按天',
  'wageUnit.hour': '按小时',
  'wageUnit.piece': '按件',

  'skillLevel.1': '会一点',
  'skillLevel.2': '熟练',
  'skillLevel.3': '很熟练',
  'skillLevel.4': '师傅级',

  // application statuses: one vocabulary per reader (status-vocabulary.ts)
  ...STATUS_VOCABULARY_ZH,

  'employerKind.enterprise': '企业',
  'employerKind.cooperative': '合作社',
  'employerKind.workshop': '帮扶车间',
  'employerKind.labour_service': '劳务公司',
  'employerKind.public_welfare': '公益岗位单位',
} as const;

export type JobWordKey = keyof typeof JOB_WORDS_ZH;

export const JOB_WORDS_EN: Record<JobWordKey, string> = {
  ...STATUS_VOCABULARY_EN,
  'nav.jobs': 'Jobs',
  'nav.forMe': 'For you',
  'nav.myApplications': 'Applied',
  'nav.notifications': 'Inbox',
  'nav.profile': 'My details',
  'nav.employerPostings': 'Vacancies',

  'industry.agriculture': 'Farming',
  'industry.tea': 'Tea',
  'industry.herbal_medicine': 'Herbal medicine',
  'industry.livestock': 'Livestock',
  'industry.forestry': 'Forestry',
  'industry.food_processing': 'Food processing',
  'industry.manufacturing': 'Factory',
  'industry.garments': 'Garments',
  'industry.electronics': 'Electronics',
  'industry.construction': 'Construction',
  'industry.tourism': 'Tourism',
  'industry.catering': 'Catering',
  'industry.retail': 'Shops',
  'industry.ecommerce': 'Online shops',
  'industry.logistics': 'Logistics',
  'industry.domestic_services': 'Housekeeping',
  'industry.care': 'Care',
  'industry.property_services': 'Property services',
  'industry.public_welfare': 'Public-welfare post',
  'industry.other': 'Other',

  'schedule.full_time': 'Full time',
  'schedule.part_time': 'Part time',
  'schedule.flexible': 'Flexible hours',
  'schedule.shifts': 'Shifts',
  'schedule.seasonal': 'Seasonal',
  'schedule.full_time.hours': 'Whole working days',
  'schedule.part_time.hours': 'A few hours a day',
  'schedule.flexible.hours': 'You choose your hours',
  'schedule.shifts.hours': 'Shifts, sometimes at night',
  'schedule.seasonal.hours': 'In the busy season',

  'wageUnit.month': 'By the month',
  'wageUnit.day': 'By the day',
  'wageUnit.hour': 'By the hour',
  'wageUnit.piece': 'By the piece',

  'skillLevel.1': 'A little',
  'skillLevel.2': 'Skilled',
  'skillLevel.3': 'Very skilled',
  'skillLevel.4': 'Master',

  'employerKind.enterprise': 'Company',
  'employerKind.cooperative': 'Cooperative',
  'employerKind.workshop': 'Poverty-alleviation workshop',
  'employerKind.labour_service': 'Labour-service company',
  'employerKind.public_welfare': 'Public-welfare post sponsor',
};
