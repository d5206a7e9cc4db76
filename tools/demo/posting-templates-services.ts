import { HEALTH_CERTIFICATE, type PostingTemplate } from './posting-template';

/*
 * Services: property and cleaning, kitchens, tourism, care of the elderly, housekeeping, online
 * shops, the public-welfare posts, shops.
 * One list per industry; posting-templates.ts joins them in the order the seeded draws use.
 */

export const PROPERTY_SERVICES: PostingTemplate[] = [
  {
    title: '小区保洁员',
    description: '安置点小区楼道、公共区域保洁，离家近。',
    industry: 'property_services',
    skills: [['cleaning.housekeeping', 1, true]],
    unit: 'month',
    wage: [1800, 2300],
    schedules: ['full_time', 'part_time'],
  },
  {
    title: '绿化养护工',
    description: '小区及道路绿化浇水、修剪、除草。',
    industry: 'property_services',
    skills: [['property.greening', 1, true]],
    unit: 'month',
    wage: [2000, 2500],
    schedules: ['full_time'],
  },
  {
    title: '保安',
    description: '小区门岗、巡逻，三班倒。',
    industry: 'property_services',
    skills: [['security.guard', 1, true]],
    unit: 'month',
    wage: [2200, 2800],
    schedules: ['shifts'],
    age: [18, 55],
  },
  {
    title: '物业维修工',
    description: '水电维修、门窗维修，会电工优先。',
    industry: 'property_services',
    skills: [
      ['property.maintenance', 2, true],
      ['electrician.maintenance', 1, false],
    ],
    unit: 'month',
    wage: [3000, 3800],
    schedules: ['full_time'],
  },
];

export const CATERING: PostingTemplate[] = [
  {
    title: '厨房帮工',
    description: '洗菜、切配、打荷，包吃。',
    industry: 'catering',
    skills: [['catering.kitchen_helper', 1, true]],
    certificates: [HEALTH_CERTIFICATE],
    unit: 'month',
    wage: [2500, 3000],
    schedules: ['shifts', 'full_time'],
  },
  {
    title: '餐厅服务员',
    description: '点菜、传菜、收台，包吃。',
    industry: 'catering',
    skills: [['catering.waiter', 1, true]],
    certificates: [HEALTH_CERTIFICATE],
    unit: 'month',
    wage: [2300, 2900],
    schedules: ['shifts', 'part_time'],
  },
  {
    title: '土家菜厨师',
    description: '会做土家菜、合渣、腊肉，有经验。',
    industry: 'catering',
    skills: [
      ['catering.tujia_cuisine', 3, true],
      ['cooking.chinese', 2, false],
    ],
    certificates: [HEALTH_CERTIFICATE],
    unit: 'month',
    wage: [4000, 5500],
    schedules: ['full_time'],
  },
];

export const TOURISM: PostingTemplate[] = [
  {
    title: '民宿服务员',
    description: '民宿客房整理、接待、做饭，旅游旺季忙。',
    industry: 'tourism',
    skills: [
      ['tourism.homestay_service', 1, true],
      ['tourism.housekeeping', 1, false],
    ],
    unit: 'month',
    wage: [2400, 3100],
    schedules: ['full_time', 'seasonal'],
    accommodation: 0.5,
  },
  {
    title: '客房服务员',
    description: '酒店客房清扫、布草更换。',
    industry: 'tourism',
    skills: [['tourism.housekeeping', 1, true]],
    unit: 'month',
    wage: [2300, 2900],
    schedules: ['full_time', 'shifts'],
  },
  {
    title: '景区讲解员',
    description: '景区讲解、引导游客，普通话流利。',
    industry: 'tourism',
    skills: [['tourism.interpretation', 2, true]],
    unit: 'month',
    wage: [3000, 3800],
    schedules: ['full_time', 'seasonal'],
    age: [18, 45],
  },
];

export const CARE: PostingTemplate[] = [
  {
    title: '养老护理员',
    description: '养老院老人生活照料，持证优先，有培训。',
    industry: 'care',
    skills: [['care.elderly', 2, true]],
    certificates: ['elderly_care'],
    unit: 'month',
    wage: [2800, 3600],
    schedules: ['shifts'],
  },
  {
    title: '居家养老服务员',
    description: '上门照护老人，助餐助洁，时间灵活。',
    industry: 'care',
    skills: [['care.home_elderly', 1, true]],
    unit: 'hour',
    wage: [18, 25],
    schedules: ['part_time', 'flexible'],
  },
];

export const DOMESTIC_SERVICES: PostingTemplate[] = [
  {
    title: '家政服务员',
    description: '家庭保洁、做饭、照顾老人。',
    industry: 'domestic_services',
    skills: [['domestic.housekeeper', 1, true]],
    unit: 'month',
    wage: [3000, 4200],
    schedules: ['full_time'],
    accommodation: 0.4,
  },
  {
    title: '钟点工',
    description: '按小时上门保洁。',
    industry: 'domestic_services',
    skills: [['domestic.hourly', 1, true]],
    unit: 'hour',
    wage: [20, 28],
    schedules: ['flexible', 'part_time'],
  },
];

export const ECOMMERCE: PostingTemplate[] = [
  {
    title: '电商客服',
    description: '网店在线客服，会用电脑打字。',
    industry: 'ecommerce',
    skills: [
      ['ecommerce.customer_service', 1, true],
      ['computer.basics', 1, true],
    ],
    unit: 'month',
    wage: [2500, 3300],
    schedules: ['full_time', 'shifts'],
  },
  {
    title: '直播带货主播',
    description: '直播卖茶叶、土特产，有底薪加提成。',
    industry: 'ecommerce',
    skills: [
      ['ecommerce.livestream', 2, true],
      ['ecommerce.short_video', 1, false],
    ],
    unit: 'month',
    wage: [3000, 5000],
    schedules: ['full_time', 'flexible'],
    age: [18, 40],
  },
  {
    title: '电商打包员',
    description: '网店订单打包、贴单、发货。',
    industry: 'ecommerce',
    skills: [['ecommerce.fulfilment', 1, true]],
    unit: 'month',
    wage: [2200, 2800],
    schedules: ['full_time', 'part_time'],
  },
];

export const PUBLIC_WELFARE: PostingTemplate[] = [
  {
    title: '道路保洁员（公益性岗位）',
    description: '乡村道路保洁，面向就业困难人员。',
    industry: 'public_welfare',
    skills: [['cleaning.sanitation', 1, true]],
    unit: 'month',
    wage: [1500, 1800],
    schedules: ['part_time', 'full_time'],
    publicWelfare: true,
    age: [30, 60],
  },
  {
    title: '护林员（公益性岗位）',
    description: '山林巡护、防火宣传，面向脱贫人口。',
    industry: 'public_welfare',
    skills: [['forestry.ranger', 1, true]],
    unit: 'month',
    wage: [1500, 1800],
    schedules: ['flexible'],
    publicWelfare: true,
    age: [25, 60],
  },
  {
    title: '社区网格员',
    description: '安置点入户走访、信息登记，会用智能手机。',
    industry: 'public_welfare',
    skills: [
      ['welfare.grid', 1, true],
      ['computer.smartphone', 1, false],
    ],
    unit: 'month',
    wage: [1800, 2400],
    schedules: ['full_time'],
    publicWelfare: true,
  },
];

export const RETAIL: PostingTemplate[] = [
  {
    title: '超市收银员',
    description: '超市收银、理货。',
    industry: 'retail',
    skills: [['retail.cashier', 1, true]],
    unit: 'month',
    wage: [2200, 2700],
    schedules: ['shifts', 'part_time'],
  },
];
