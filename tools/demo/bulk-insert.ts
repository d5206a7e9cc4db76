import type { EntityManager } from 'typeorm';

/*
 * Bulk INSERT … SELECT FROM unnest(arrays): one statement per `batch` rows, each column passed as
 * one array parameter. Shared by the table groups' writers (write-*.ts, population-writer.ts).
 */

/** One load: the transaction's manager, rows per statement, progress, the load's one timestamp. */
export interface Load {
  m: EntityManager;
  batch: number;
  progress: (table: string, rows: number) => void;
  /** ISO time of the load (employers' verification, enrolment history). */
  now: string;
}

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'int'
  | 'smallint'
  | 'bool'
  | 'float8'
  | 'numeric'
  | 'date'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]'
  | 'uuid[]';

/** A Postgres array literal ({"a","b"}) for columns of array type passed through unnest. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
export async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: [string, ColumnType][],
  rows: unknown[][],
  batch: number,
): Promise<void> {
  const nested = (t: ColumnType) => t.endsWith('[]') || t === 'jsonb';
  const sql = `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')})
    SELECT ${columns.map(([, t], i) => `c${i}::${t}`).join(', ')}
      FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${nested(t) ? 'text' : t}[]`).join(', ')})
        AS t(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const params = columns.map(([, t], i) =>
      chunk.map((r) => {
        const v = r[i];
        if (v === null || v === undefined) return null;
        if (t === 'jsonb') return JSON.stringify(v);
        if (t.endsWith('[]')) return pgArray(v as string[]);
        return v;
      }),
    );
    await m.query(sql, params);
  }
}
