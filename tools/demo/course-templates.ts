/** Courses of the training offer around the sites (skills at the level a graduate reaches). */
export interface CourseTemplate {
  title: string;
  description: string;
  skills: { code: string; level: number }[];
  certificate: string | null;
  days: number;
  capacity: number;
  subsidyNote: string | null;
}

export const COURSE_TEMPLATES: CourseTemplate[] = [
  {
    title: '茶叶加工技能培训',
    description: '杀青、揉捻、烘干和恩施玉露制作，学完能进茶厂。',
    skills: [
      { code: 'tea.processing', level: 2 },
      { code: 'tea.green_processing', level: 2 },
    ],
    certificate: null,
    days: 10,
    capacity: 30,
    subsidyNote: '脱贫人口免费，培训期间每天补贴 25 元',
  },
  {
    title: '养老护理员培训',
    description: '老人生活照料、基础护理、急救常识，考试合格发证。',
    skills: [
      { code: 'care.elderly', level: 2 },
      { code: 'care.home_elderly', level: 2 },
    ],
    certificate: 'elderly_care',
    days: 15,
    capacity: 25,
    subsidyNote: '职业技能提升补贴，考证合格后发放',
  },
  {
    title: '电商直播带货培训',
    description: '手机拍短视频、开直播卖茶叶和土特产。',
    skills: [
      { code: 'ecommerce.livestream', level: 2 },
      { code: 'ecommerce.short_video', level: 1 },
    ],
    certificate: null,
    days: 7,
    capacity: 40,
    subsidyNote: '免费',
  },
  {
    title: '低压电工作业培训',
    description: '低压电工理论与实操，考取特种作业操作证。',
    skills: [{ code: 'electrician.low_voltage', level: 2 }],
    certificate: 'electrician',
    days: 15,
    capacity: 20,
    subsidyNote: '考证费用补贴',
  },
  {
    title: '缝纫工技能培训',
    description: '平车、锁边、简单成衣制作，结业可进帮扶车间。',
    skills: [
      { code: 'sewing.machine', level: 2 },
      { code: 'garment.overlock', level: 1 },
    ],
    certificate: null,
    days: 10,
    capacity: 30,
    subsidyNote: '免费，结业推荐就业',
  },
  {
    title: '中式面点培训',
    description: '包子、馒头、土家特色面点制作。',
    skills: [{ code: 'catering.pastry', level: 2 }],
    certificate: null,
    days: 10,
    capacity: 25,
    subsidyNote: null,
  },
  {
    title: '家政服务员培训',
    description: '家庭保洁、收纳、做饭和照护老人。',
    skills: [{ code: 'domestic.housekeeper', level: 2 }],
    certificate: 'domestic_service',
    days: 7,
    capacity: 30,
    subsidyNote: '免费',
  },
  {
    title: '叉车驾驶培训',
    description: '叉车理论与实操，考取叉车证。',
    skills: [{ code: 'warehouse.forklift', level: 2 }],
    certificate: 'forklift',
    days: 10,
    capacity: 20,
    subsidyNote: '考证费用补贴',
  },
];
