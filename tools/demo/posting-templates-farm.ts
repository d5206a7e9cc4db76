import type { PostingTemplate } from './posting-template';

/*
 * Farm work around the sites: tea gardens and tea factories, medicinal herbs, vegetables and
 * konjac, pig farms, oil-tea forests.
 * One list per industry; posting-templates.ts joins them in the order the seeded draws use.
 */

export const TEA: PostingTemplate[] = [
  {
    title: '采茶工',
    description: '春茶、夏秋茶采摘，按斤计价，日结。会摘茶就行，新手有师傅带。',
    industry: 'tea',
    skills: [
      ['tea.picking', 1, true],
      ['tea.sorting', 1, false],
    ],
    unit: 'day',
    wage: [100, 150],
    schedules: ['seasonal', 'flexible'],
  },
  {
    title: '制茶工',
    description: '茶厂招制茶工，负责杀青、揉捻、烘干，熟手优先，旺季倒班。',
    industry: 'tea',
    skills: [
      ['tea.processing', 2, true],
      ['tea.machine_operation', 1, false],
      ['tea.green_processing', 1, false],
    ],
    unit: 'month',
    wage: [3000, 4200],
    schedules: ['full_time', 'shifts'],
  },
  {
    title: '茶叶包装工',
    description: '茶叶称重、装袋、封口、装箱，坐着干，活不重。',
    industry: 'tea',
    skills: [['tea.packaging', 1, true]],
    unit: 'month',
    wage: [2200, 2800],
    schedules: ['full_time', 'part_time'],
  },
  {
    title: '茶园管护工',
    description: '茶园除草、施肥、修剪，按天算工钱。',
    industry: 'tea',
    skills: [
      ['tea.field_care', 1, true],
      ['tea.pruning', 1, false],
    ],
    unit: 'day',
    wage: [100, 140],
    schedules: ['flexible', 'seasonal'],
  },
];

export const HERBAL_MEDICINE: PostingTemplate[] = [
  {
    title: '黄连种植工',
    description: '黄连基地搭棚、除草、采挖，包午饭。',
    industry: 'herbal_medicine',
    skills: [
      ['herbal.coptis', 1, true],
      ['herbal.harvesting', 1, false],
    ],
    unit: 'day',
    wage: [100, 140],
    schedules: ['seasonal', 'flexible'],
  },
  {
    title: '药材分拣工',
    description: '中药材挑选、分级、晾晒，车间内工作。',
    industry: 'herbal_medicine',
    skills: [
      ['herbal.sorting', 1, true],
      ['herbal.drying', 1, false],
    ],
    unit: 'month',
    wage: [2000, 2600],
    schedules: ['full_time', 'part_time'],
  },
  {
    title: '药材加工工',
    description: '药材切片、烘干、包装，会开切片机优先。',
    industry: 'herbal_medicine',
    skills: [['herbal.processing', 2, true]],
    unit: 'month',
    wage: [2500, 3300],
    schedules: ['full_time'],
  },
];

export const AGRICULTURE: PostingTemplate[] = [
  {
    title: '高山蔬菜基地工人',
    description: '高山蔬菜种植、采收、装车，按天结算。',
    industry: 'agriculture',
    skills: [
      ['agri.highland_vegetables', 1, true],
      ['agri.field_labour', 1, false],
    ],
    unit: 'day',
    wage: [90, 130],
    schedules: ['seasonal', 'flexible'],
  },
  {
    title: '魔芋种植工',
    description: '魔芋种植、管护、采挖。',
    industry: 'agriculture',
    skills: [['agri.konjac_planting', 1, true]],
    unit: 'day',
    wage: [100, 130],
    schedules: ['seasonal'],
  },
  {
    title: '农产品分拣工',
    description: '蔬菜水果分拣分级、打包。',
    industry: 'agriculture',
    skills: [['agri.produce_sorting', 1, true]],
    unit: 'month',
    wage: [2000, 2500],
    schedules: ['full_time', 'part_time'],
  },
];

export const LIVESTOCK: PostingTemplate[] = [
  {
    title: '养殖场饲养员',
    description: '生猪养殖场喂料、清圈、防疫配合，包吃住。',
    industry: 'livestock',
    skills: [
      ['livestock.keeper', 1, true],
      ['livestock.pig', 1, false],
    ],
    unit: 'month',
    wage: [3000, 4000],
    schedules: ['full_time'],
    accommodation: 0.7,
  },
];

export const FORESTRY: PostingTemplate[] = [
  {
    title: '油茶林管护工',
    description: '油茶林除草、施肥、采摘茶籽。',
    industry: 'forestry',
    skills: [['forestry.oil_tea', 1, true]],
    unit: 'day',
    wage: [100, 130],
    schedules: ['seasonal'],
  },
];
