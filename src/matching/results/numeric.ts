/** numeric columns come back from pg as strings; scores are numbers on the wire. */
export const numericColumn = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
