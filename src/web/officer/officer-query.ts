import { NotFoundError } from '../../kernel/domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A month in the query string (`2026-11`). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A UUID from the query, or undefined; anything else is a 404 (a page that cannot exist). */
export function optionalId(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!UUID.test(v)) throw new NotFoundError('Page');
  return v.toLowerCase();
}

/** `?page=`: a whole number from 1 to 100000, else the first page. */
export function pageNumber(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}

/** A UUID from the path; anything else is a 404. */
export function requireId(v: string): string {
  if (!UUID.test(v)) throw new NotFoundError('Page');
  return v.toLowerCase();
}
