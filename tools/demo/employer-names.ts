import type { EmployerKind } from '../../src/employers/employer-kind';

/** Name parts of synthetic employers per industry. */
export const EMPLOYER_NAMES: Record<string, { suffix: string; kinds: [EmployerKind, number][] }> = {
  tea: {
    suffix: '茶业有限公司',
    kinds: [
      ['enterprise', 6],
      ['cooperative', 3],
      ['workshop', 2],
    ],
  },
  herbal_medicine: {
    suffix: '中药材种植专业合作社',
    kinds: [
      ['cooperative', 6],
      ['enterprise', 2],
    ],
  },
  agriculture: {
    suffix: '农业开发有限公司',
    kinds: [
      ['enterprise', 4],
      ['cooperative', 5],
    ],
  },
  construction: {
    suffix: '建筑工程有限公司',
    kinds: [
      ['enterprise', 8],
      ['labour_service', 3],
    ],
  },
  property_services: { suffix: '物业管理有限公司', kinds: [['enterprise', 8]] },
  catering: { suffix: '餐饮管理有限公司', kinds: [['enterprise', 8]] },
  tourism: {
    suffix: '文化旅游有限公司',
    kinds: [
      ['enterprise', 6],
      ['workshop', 1],
    ],
  },
  garments: {
    suffix: '服饰有限公司',
    kinds: [
      ['workshop', 6],
      ['enterprise', 4],
    ],
  },
  manufacturing: {
    suffix: '制品有限公司',
    kinds: [
      ['enterprise', 6],
      ['workshop', 4],
    ],
  },
  electronics: {
    suffix: '电子科技有限公司',
    kinds: [
      ['enterprise', 6],
      ['workshop', 2],
    ],
  },
  logistics: {
    suffix: '物流有限公司',
    kinds: [
      ['enterprise', 6],
      ['labour_service', 1],
    ],
  },
  care: { suffix: '养老服务中心', kinds: [['enterprise', 6]] },
  domestic_services: {
    suffix: '家政服务有限公司',
    kinds: [
      ['enterprise', 5],
      ['labour_service', 3],
    ],
  },
  ecommerce: {
    suffix: '电子商务有限公司',
    kinds: [
      ['enterprise', 6],
      ['workshop', 2],
    ],
  },
  food_processing: {
    suffix: '食品有限公司',
    kinds: [
      ['enterprise', 6],
      ['workshop', 3],
    ],
  },
  public_welfare: { suffix: '社区服务中心', kinds: [['public_welfare', 8]] },
  livestock: {
    suffix: '生态养殖专业合作社',
    kinds: [
      ['cooperative', 6],
      ['enterprise', 2],
    ],
  },
  retail: { suffix: '商贸有限公司', kinds: [['enterprise', 8]] },
  forestry: { suffix: '林业专业合作社', kinds: [['cooperative', 8]] },
};

/** Made-up brand words of synthetic employers' names. */
export const BRANDS = [
  '兴农',
  '富硒',
  '清江',
  '龙船',
  '佳园',
  '金山',
  '腾龙',
  '山水',
  '绿源',
  '民族',
  '华丰',
  '鑫盛',
  '宏发',
  '福星',
  '惠民',
  '同心',
  '恒远',
  '瑞丰',
  '土苗',
  '武陵',
];
/** Where a synthetic employer sits, after its township. */
export const PLACES = ['工业园', '集镇', '安置点旁', '村委会旁', '产业基地', '街道'];
