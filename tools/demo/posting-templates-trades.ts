import { HEALTH_CERTIFICATE, type PostingTemplate } from './posting-template';

/*
 * Trades and factory work: building sites, the garment and assembly workshops, food processing,
 * parcels, warehouses and driving.
 * One list per industry; posting-templates.ts joins them in the order the seeded draws use.
 */

export const CONSTRUCTION: PostingTemplate[] = [
  {
    title: '砌筑工（大工）',
    description: '房建项目砌砖、砌块，工期半年，按天记工。',
    industry: 'construction',
    skills: [['construction.masonry', 2, true]],
    unit: 'day',
    wage: [250, 320],
    schedules: ['full_time'],
    age: [18, 60],
  },
  {
    title: '钢筋工',
    description: '钢筋绑扎、下料，熟手。',
    industry: 'construction',
    skills: [['construction.rebar', 2, true]],
    unit: 'day',
    wage: [250, 350],
    schedules: ['full_time'],
    age: [18, 60],
  },
  {
    title: '建筑小工',
    description: '搬运、和灰、清理场地，能吃苦就行。',
    industry: 'construction',
    skills: [['construction.labourer', 1, true]],
    unit: 'day',
    wage: [150, 190],
    schedules: ['full_time', 'flexible'],
    age: [18, 60],
  },
  {
    title: '室内装修工',
    description: '贴砖、吊顶、刷漆，有装修经验。',
    industry: 'construction',
    skills: [
      ['construction.decoration', 2, true],
      ['construction.tiling', 1, false],
    ],
    unit: 'day',
    wage: [200, 280],
    schedules: ['full_time'],
  },
  {
    title: '持证电工',
    description: '工地及厂区低压配电安装维护，须持电工证。',
    industry: 'construction',
    skills: [['electrician.low_voltage', 2, true]],
    certificates: ['electrician'],
    unit: 'month',
    wage: [4000, 5500],
    schedules: ['full_time'],
  },
];

export const GARMENTS: PostingTemplate[] = [
  {
    title: '缝纫工',
    description: '帮扶车间缝纫，平车、锁边，计件多劳多得，可接送孩子。',
    industry: 'garments',
    skills: [
      ['sewing.machine', 2, true],
      ['garment.overlock', 1, false],
    ],
    unit: 'month',
    wage: [2600, 4000],
    schedules: ['full_time', 'flexible'],
  },
  {
    title: '剪线头工',
    description: '服装剪线头、整理，时间自由，按小时计。',
    industry: 'garments',
    skills: [['garment.thread_trimming', 1, true]],
    unit: 'hour',
    wage: [12, 15],
    schedules: ['part_time', 'flexible'],
  },
  {
    title: '鞋面缝制工',
    description: '鞋面缝制，车间在安置点旁。',
    industry: 'garments',
    skills: [['shoe.uppers', 1, true]],
    unit: 'month',
    wage: [2500, 3500],
    schedules: ['full_time'],
  },
];

export const MANUFACTURING: PostingTemplate[] = [
  {
    title: '流水线操作工',
    description: '工厂流水线组装，两班倒，包住。',
    industry: 'manufacturing',
    skills: [['mfg.assembly_line', 1, true]],
    unit: 'month',
    wage: [3200, 4200],
    schedules: ['shifts'],
    accommodation: 0.6,
    age: [18, 50],
  },
  {
    title: '假发制作工',
    description: '手工钩发、整理，可带回家做。',
    industry: 'manufacturing',
    skills: [['mfg.wigs', 1, true]],
    unit: 'month',
    wage: [2000, 3000],
    schedules: ['flexible', 'part_time'],
  },
];

export const ELECTRONICS: PostingTemplate[] = [
  {
    title: '电子组装工',
    description: '电子产品组装、焊接，无尘车间，包吃住。',
    industry: 'electronics',
    skills: [
      ['electronics.assembly', 1, true],
      ['electronics.soldering', 1, false],
    ],
    unit: 'month',
    wage: [3500, 4500],
    schedules: ['shifts'],
    accommodation: 0.7,
    age: [18, 45],
  },
  {
    title: '线束加工工',
    description: '线束剥线、压接、组装。',
    industry: 'electronics',
    skills: [['electronics.harness', 1, true]],
    unit: 'month',
    wage: [3000, 3800],
    schedules: ['full_time'],
  },
];

export const FOOD_PROCESSING: PostingTemplate[] = [
  {
    title: '魔芋加工工',
    description: '魔芋清洗、切片、烘干，车间作业。',
    industry: 'food_processing',
    skills: [['food.konjac', 1, true]],
    certificates: [HEALTH_CERTIFICATE],
    unit: 'month',
    wage: [2600, 3300],
    schedules: ['full_time', 'shifts'],
  },
  {
    title: '腊肉加工工',
    description: '腊肉腌制、熏制、真空包装。',
    industry: 'food_processing',
    skills: [
      ['food.cured_meat', 1, true],
      ['food.packaging', 1, false],
    ],
    certificates: [HEALTH_CERTIFICATE],
    unit: 'month',
    wage: [2600, 3200],
    schedules: ['full_time', 'seasonal'],
  },
];

export const LOGISTICS: PostingTemplate[] = [
  {
    title: '快递分拣员',
    description: '快递包裹分拣、扫码，夜班有补贴。',
    industry: 'logistics',
    skills: [['logistics.sorting', 1, true]],
    unit: 'month',
    wage: [2800, 3600],
    schedules: ['shifts'],
  },
  {
    title: '乡镇快递员',
    description: '乡镇片区送件揽件，有电动三轮车。',
    industry: 'logistics',
    skills: [
      ['logistics.courier', 1, true],
      ['driving.tricycle', 1, false],
    ],
    unit: 'month',
    wage: [3500, 5000],
    schedules: ['full_time'],
  },
  {
    title: '货车司机',
    description: '县内配送，持B2驾照。',
    industry: 'logistics',
    skills: [['driving.b2', 2, true]],
    certificates: ['driving_b2'],
    unit: 'month',
    wage: [5000, 6500],
    schedules: ['full_time'],
    age: [22, 55],
  },
  {
    title: '仓库拣货员',
    description: '仓库拣货、打包、上架，会开叉车优先。',
    industry: 'logistics',
    skills: [
      ['warehouse.picking', 1, true],
      ['warehouse.forklift', 1, false],
    ],
    unit: 'month',
    wage: [2800, 3500],
    schedules: ['full_time', 'shifts'],
  },
];
