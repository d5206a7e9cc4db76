import type { CourseDto } from '../../training/dto/course.dto';
import type { Skill } from '../../skills/skill.entity';
import type { FormValues } from '../components/form';
import { type FormBody, formString, formStrings, formValues } from '../form-data';
import type { MessageKey } from '../../i18n/web/messages';
import type { TaughtSkill } from './course-form-page';

export const COURSE_FIELDS = [
  'title',
  'description',
  'startDate',
  'endDate',
  'regionCode',
  'address',
  'capacity',
  'subsidyNote',
  'status',
];

/** Each field a course DTO or the service may refuse → the sentence shown next to it. */
export const COURSE_MESSAGES: Record<string, MessageKey> = {
  title: 'provider.form.title.invalid',
  description: 'provider.form.description.invalid',
  skills: 'provider.form.skills.invalid',
  startDate: 'provider.form.startDate.invalid',
  endDate: 'provider.form.endDate.invalid',
  regionCode: 'provider.form.region.invalid',
  address: 'provider.form.address.invalid',
  capacity: 'provider.form.capacity.invalid',
  subsidyNote: 'provider.form.subsidyNote.invalid',
  status: 'provider.form.status.invalid',
};

/** What was typed, to validate and to refill the form (the subsidy tick included). */
export function courseValues(body: FormBody): FormValues {
  const values = formValues(body, COURSE_FIELDS);
  values.subsidized = formString(body, 'subsidized') === '1' ? '1' : '';
  return values;
}

/** The ticked skills with their levels (known codes only, at most 20: the DTO's limit). */
export function taughtSkills(body: FormBody, all: Map<string, Skill>): TaughtSkill[] {
  const codes = [...new Set(formStrings(body, 'skill'))].filter((c) => all.has(c)).slice(0, 20);
  return codes.map((code) => ({
    code,
    name: all.get(code)!.nameZh,
    level: Math.min(4, Math.max(1, Number.parseInt(formString(body, `level_${code}`), 10) || 1)),
    checked: true,
  }));
}

function num(v: string | undefined): number | string | undefined {
  if (v === undefined || v === '') return undefined;
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

/** The form as the API's course body (the same DTO validates both). */
export function coursePlain(
  values: FormValues,
  skills: TaughtSkill[],
  editing: boolean,
): Record<string, unknown> {
  return {
    title: values.title,
    description: values.description,
    skills: skills.map((s) => ({ code: s.code, level: s.level })),
    startDate: values.startDate,
    endDate: values.endDate,
    regionCode: values.regionCode,
    address: values.address,
    capacity: num(values.capacity),
    subsidized: values.subsidized === '1',
    subsidyNote: values.subsidyNote,
    status: editing ? values.status : undefined,
  };
}

/** A saved course back into the form. */
export function courseFormOf(c: CourseDto): { values: FormValues; chosen: TaughtSkill[] } {
  return {
    values: {
      title: c.title,
      description: c.description,
      startDate: c.startDate,
      endDate: c.endDate,
      regionCode: c.regionCode,
      address: c.address,
      capacity: String(c.capacity),
      subsidized: c.subsidized ? '1' : '',
      subsidyNote: c.subsidyNote ?? '',
      status: c.status,
    },
    chosen: c.skills.map((s) => ({ code: s.code, name: s.nameZh ?? s.code, level: s.level, checked: true })),
  };
}
