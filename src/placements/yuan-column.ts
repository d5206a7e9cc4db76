import type { ValueTransformer } from 'typeorm';

/** pg returns `numeric` as a string (exact decimals); money is a number on the wire. */
export const yuanColumn: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
