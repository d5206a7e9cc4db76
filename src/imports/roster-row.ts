import { PHONE_PATTERN } from '../access/dto/auth.dto';
import type { EmploymentStatus, LaborCapacity, MonitoringStatus } from '../kernel/domain-enums';
import type { Education, Gender } from '../residents/enums';
import {
  checkNationalId,
  nationalIdFacts,
  normalizeNationalId,
  type NationalIdProblem,
} from '../residents/national-id';
import type { ImportRowError } from './import.entity';
import {
  EDUCATION_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  GENDER_VALUES,
  LABOR_CAPACITY_VALUES,
  MONITORING_STATUS_VALUES,
  ROSTER_COLUMNS,
  YES_NO_VALUES,
  type RosterField,
} from './roster-columns';
import type { Cell, RawRow } from './roster-reader';

/** A roster row that passed every check, in API enum values. */
export interface RosterRow {
  row: number;
  householdKey: string;
  name: string;
  gender: Gender;
  birthDate: string;
  nationalId: string;
  /** Blank cells leave the stored value alone (a roster does not clear what it does not know). */
  phone: string | null;
  education: Education | null;
  laborCapacity: LaborCapacity;
  employmentStatus: EmploymentStatus;
  originRegionCode: string;
  monitoringStatus: MonitoringStatus;
  skills: { code: string; level: number }[];
  consentToShare: boolean;
}

export interface SkillResolver {
  /** A skill code for a code, a Chinese or English name, or a synonym; null when unknown. */
  resolve(nameOrCode: string): string | null;
}

const ID_MESSAGES: Record<NationalIdProblem, string> = {
  length: '身份证号须为 18 位',
  format: '身份证号须为 17 位数字加 1 位数字或 X',
  birth_date: '身份证号中的出生日期无效',
  check_character: '身份证号校验位错误',
};

/**
 * Formulas are refused, not evaluated and not taken from the cached result: a roster is a list
 * of facts, a cached result may be stale or missing (files written by scripts carry none), and
 * an officer who sees "公式不被接受" can paste values instead (选择性粘贴 → 数值).
 */
export const FORMULA_REFUSED = '公式不被接受，请粘贴为数值';

class RowErrors {
  readonly list: ImportRowError[] = [];
  constructor(private readonly row: number) {}
  add(field: RosterField, message: string): null {
    this.list.push({ row: this.row, field: ROSTER_COLUMNS[field], message });
    return null;
  }
}

/** Text of a cell, or null with an error when the cell cannot be text. Numbers become their digits. */
function textOf(
  cell: Cell | undefined,
  field: RosterField,
  errs: RowErrors,
  required: boolean,
): string | null {
  if (!cell || cell.kind === 'empty') return required ? errs.add(field, '不能为空') : null;
  switch (cell.kind) {
    case 'text':
      return cell.value.trim();
    case 'number':
      return Number.isInteger(cell.value) ? String(cell.value) : String(cell.value);
    case 'bool':
      return cell.value ? '是' : '否';
    case 'date':
      return errs.add(field, '应为文字，不是日期');
    case 'formula':
      return errs.add(field, FORMULA_REFUSED);
    case 'error':
      return errs.add(field, `单元格有错误值 ${cell.value}`);
  }
}

function oneOf<T>(
  cell: Cell | undefined,
  field: RosterField,
  values: Record<string, T>,
  errs: RowErrors,
  fallback?: T,
): T | null {
  const t = textOf(cell, field, errs, fallback === undefined);
  if (t === null) return fallback ?? null;
  const v = values[t];
  if (v === undefined) {
    const allowed = Object.keys(values).filter((k) => k !== '');
    return errs.add(field, `“${t}”不是可选值（${allowed.slice(0, 8).join(' / ')}）`);
  }
  return v;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** 1988-03-12, 1988/3/12, 1988.3.12, 1988年3月12日, 19880312, or a date cell. */
function dateOf(cell: Cell | undefined, field: RosterField, errs: RowErrors): string | null {
  if (!cell || cell.kind === 'empty') return errs.add(field, '不能为空');
  if (cell.kind === 'date') {
    // exceljs gives the calendar day at UTC midnight.
    return cell.value.toISOString().slice(0, 10);
  }
  if (cell.kind === 'formula') return errs.add(field, FORMULA_REFUSED);
  if (cell.kind === 'number' && cell.value > 19000101 && cell.value < 30000000) {
    const s = String(cell.value);
    return iso(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8)) ?? errs.add(field, `“${s}”不是有效日期`);
  }
  if (cell.kind !== 'text') return errs.add(field, '应为日期，如 1988-03-12');
  const t = cell.value.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const d = m ? iso(+m[1], +m[2], +m[3]) : null;
  return d ?? errs.add(field, `“${t}”不是有效日期，应如 1988-03-12`);
}

/** 采茶:2;茶叶加工:1 — separators ; ； , ， 、 and : ： (level 1–4, default 1). */
function skillsOf(
  cell: Cell | undefined,
  errs: RowErrors,
  skills: SkillResolver,
): RosterRow['skills'] | null {
  const t = textOf(cell, 'skills', errs, false);
  if (t === null) return cell && cell.kind !== 'empty' ? null : [];
  const out = new Map<string, number>();
  for (const part of t
    .split(/[;；,，、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, levelText] = part.split(/[:：]/).map((p) => p.trim());
    const code = skills.resolve(name);
    if (!code) return errs.add('skills', `未知技能“${name}”`);
    const level = levelText === undefined || levelText === '' ? 1 : Number(levelText);
    if (!Number.isInteger(level) || level < 1 || level > 4) {
      return errs.add('skills', `技能“${name}”的等级应为 1 到 4`);
    }
    out.set(code, Math.max(level, out.get(code) ?? 0));
  }
  return [...out].map(([code, level]) => ({ code, level }));
}

/** Checks one row; the errors name the row and the Chinese column. */
export function validateRosterRow(
  raw: RawRow,
  skills: SkillResolver,
): { row: RosterRow; errors: [] } | { row: null; errors: ImportRowError[] } {
  const errs = new RowErrors(raw.row);
  const c = raw.cells;

  const householdKey = textOf(c.householdKey, 'householdKey', errs, true);
  if (householdKey && householdKey.length > 50) errs.add('householdKey', '不能超过 50 个字');
  const name = textOf(c.name, 'name', errs, true);
  if (name && name.length > 100) errs.add('name', '不能超过 100 个字');
  const gender = oneOf(c.gender, 'gender', GENDER_VALUES, errs);
  const birthDate = dateOf(c.birthDate, 'birthDate', errs);

  let nationalId: string | null = null;
  const idCell = c.nationalId;
  if (idCell?.kind === 'number') {
    // 18 digits do not fit a spreadsheet number: the last digits are already lost.
    errs.add('nationalId', '身份证号须设为文本格式（数字格式会丢失末几位）');
  } else {
    const t = textOf(idCell, 'nationalId', errs, true);
    if (t !== null) {
      const id = normalizeNationalId(t);
      const problem = checkNationalId(id);
      if (problem) errs.add('nationalId', ID_MESSAGES[problem]);
      else nationalId = id;
    }
  }
  if (nationalId) {
    const facts = nationalIdFacts(nationalId);
    if (birthDate && facts.birthDate !== birthDate) errs.add('birthDate', '与身份证号中的出生日期不一致');
    if (gender && facts.gender !== gender) errs.add('gender', '与身份证号中的性别不一致');
  }

  const phone = textOf(c.phone, 'phone', errs, false);
  if (phone !== null && !PHONE_PATTERN.test(phone)) errs.add('phone', '应为 11 位手机号');
  const education = c.education ? oneOf(c.education, 'education', EDUCATION_VALUES, errs, null) : null;
  const laborCapacity = oneOf(c.laborCapacity, 'laborCapacity', LABOR_CAPACITY_VALUES, errs);
  const employmentStatus = oneOf(c.employmentStatus, 'employmentStatus', EMPLOYMENT_STATUS_VALUES, errs);
  const originRegionCode = textOf(c.originRegionCode, 'originRegionCode', errs, true);
  if (originRegionCode !== null && !/^\d{6}(\d{3}(\d{3})?)?$/.test(originRegionCode)) {
    errs.add('originRegionCode', '应为 6、9 或 12 位行政区划代码');
  }
  const monitoringStatus = oneOf(
    c.monitoringStatus,
    'monitoringStatus',
    MONITORING_STATUS_VALUES,
    errs,
    'none',
  );
  const skillList = skillsOf(c.skills, errs, skills);
  const consentToShare = oneOf(c.consentToShare, 'consentToShare', YES_NO_VALUES, errs, false);

  if (errs.list.length) return { row: null, errors: errs.list };
  return {
    row: {
      row: raw.row,
      householdKey: householdKey!,
      name: name!,
      gender: gender!,
      birthDate: birthDate!,
      nationalId: nationalId!,
      phone,
      education,
      laborCapacity: laborCapacity!,
      employmentStatus: employmentStatus!,
      originRegionCode: originRegionCode!,
      monitoringStatus: monitoringStatus!,
      skills: skillList!,
      consentToShare: consentToShare!,
    },
    errors: [],
  };
}
