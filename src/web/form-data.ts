import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../kernel/domain-errors';
import type { FormErrors, FormValues } from './components/form';
import type { MessageKey } from '../i18n/web/messages';

/** An urlencoded form body as the parser gives it (strings; arrays for repeated names). */
export type FormBody = Record<string, string | string[] | undefined> | undefined;

/** The first value of a field, or '' (never an array: a repeated field cannot smuggle one in). */
export function formString(body: FormBody, name: string): string {
  const v = body?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** All values of a repeated field (checkbox groups, multi-selects). */
export function formStrings(body: FormBody, name: string): string[] {
  const v = body?.[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** The named fields, trimmed (passwords untrimmed), for validation and to refill the form. */
export function formValues(body: FormBody, names: string[], untrimmed: string[] = ['password']): FormValues {
  const out: FormValues = {};
  for (const n of names) {
    const v = formString(body, n);
    out[n] = untrimmed.includes(n) ? v : v.trim();
  }
  return out;
}

/**
 * Validates form values with an API DTO's own rules (one source of truth for what is valid) and
 * maps each invalid field to its message key. Empty optional fields are dropped first.
 */
export async function validateForm<T extends object>(
  dto: new () => T,
  values: Record<string, unknown>,
  messages: Partial<Record<keyof T & string, MessageKey>>,
): Promise<{ value: T; errors: FormErrors }> {
  const plain = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
  const value = plainToInstance(dto, plain);
  const found = await validate(value, { whitelist: true, forbidUnknownValues: false });
  const errors: FormErrors = {};
  for (const e of found) {
    errors[e.property] = messages[e.property as keyof T & string] ?? 'form.fixErrors';
  }
  return { value, errors };
}

/** The field a service refused (InvalidInputError's details), as a form error, or null. */
export function serviceFieldError(e: unknown, messages: Record<string, MessageKey>): FormErrors | null {
  if (!(e instanceof DomainError) || e.status !== 400 || !e.details?.length) return null;
  const errors: FormErrors = {};
  for (const d of e.details) errors[d.field] = messages[d.field] ?? 'form.fixErrors';
  return errors;
}
