import type { EmploymentStatus, LaborCapacity, MonitoringStatus } from '../kernel/domain-enums';
import type { Education, Gender } from '../residents/enums';

/**
 * The roster's columns, by their Chinese header (the officers' own spreadsheets use these words).
 * Headers are matched after trimming; the order of the columns does not matter.
 */
export const ROSTER_COLUMNS = {
  householdKey: '户编号',
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  nationalId: '身份证号',
  phone: '手机号',
  education: '文化程度',
  laborCapacity: '劳动能力',
  employmentStatus: '就业状态',
  originRegionCode: '户籍所在地代码',
  monitoringStatus: '监测类型',
  skills: '技能',
  consentToShare: '同意共享',
} as const;

export type RosterField = keyof typeof ROSTER_COLUMNS;
export const ROSTER_FIELDS = Object.keys(ROSTER_COLUMNS) as RosterField[];

/** Columns a file must have (the others may be left out entirely). */
export const REQUIRED_COLUMNS: RosterField[] = [
  'householdKey',
  'name',
  'gender',
  'birthDate',
  'nationalId',
  'laborCapacity',
  'employmentStatus',
  'originRegionCode',
];

/** Example values for the template's second row and its notes. */
export const ROSTER_HINTS: Record<RosterField, string> = {
  householdKey: '同一户填同一编号，如 1',
  name: '必填',
  gender: '男 / 女',
  birthDate: '如 1988-03-12，须与身份证一致',
  nationalId: '18 位，文本格式',
  phone: '11 位手机号，可空',
  education: '无 / 小学 / 初中 / 高中 / 中专 / 大专及以上，可空',
  laborCapacity: '全部 / 部分 / 无',
  employmentStatus: '已就业 / 未就业 / 不求职 / 在校 / 退休',
  originRegionCode: '户籍所在地行政区划代码，如 422802107',
  monitoringStatus: '无 / 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户，可空（无）',
  skills: '技能名称:等级(1-4)，分号分隔，如 采茶:2;茶叶加工:1',
  consentToShare: '是 / 否，可空（否）',
};

export const GENDER_VALUES: Record<string, Gender> = { 男: 'male', 女: 'female' };

export const LABOR_CAPACITY_VALUES: Record<string, LaborCapacity> = {
  全部: 'full',
  全部劳动力: 'full',
  部分: 'partial',
  部分劳动力: 'partial',
  弱劳动力: 'partial',
  无: 'none',
  无劳动力: 'none',
  丧失劳动力: 'none',
};

export const EMPLOYMENT_STATUS_VALUES: Record<string, EmploymentStatus> = {
  已就业: 'employed',
  就业: 'employed',
  未就业: 'unemployed',
  失业: 'unemployed',
  不求职: 'not_seeking',
  在校: 'student',
  在校生: 'student',
  学生: 'student',
  退休: 'retired',
};

export const MONITORING_STATUS_VALUES: Record<string, MonitoringStatus> = {
  无: 'none',
  '': 'none',
  脱贫不稳定户: 'unstable',
  边缘易致贫户: 'marginal',
  突发严重困难户: 'hardship',
};

export const EDUCATION_VALUES: Record<string, Education> = {
  无: 'none',
  文盲: 'none',
  未上学: 'none',
  小学: 'primary',
  初中: 'junior_secondary',
  高中: 'senior_secondary',
  中专: 'vocational',
  职高: 'vocational',
  技校: 'vocational',
  中职: 'vocational',
  大专: 'college',
  本科: 'college',
  大学: 'college',
  大专及以上: 'college',
  研究生: 'college',
};

export const YES_NO_VALUES: Record<string, boolean> = { 是: true, 否: false, '': false };

/** The Chinese word of each enum value, for exports and the template. */
export function labelOf<T extends string>(values: Record<string, T>, v: T | null | undefined): string {
  if (v === null || v === undefined) return '';
  return Object.keys(values).find((k) => k !== '' && values[k] === v) ?? v;
}
