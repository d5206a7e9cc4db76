import type { ValueTransformer } from 'typeorm';

/** pg returns `numeric` as a string (exact decimals); the API speaks numbers. */
export const numericColumn: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
