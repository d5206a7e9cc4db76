/**
 * A condition on one of the caller's columns, made by the feature that owns the facts it tests
 * and handed out by that feature's directory (issue 14 item 4; src/README.md rule 2). A list
 * that must filter, count and page in one statement by another feature's facts (the officer's
 * applications by the household's scope, casework's queue by the household's site) puts it in
 * its WHERE or ORDER BY as it is: the caller never writes the owner's SQL and never reads the
 * owner's tables, the owner never sees the caller's. Its values are named parameters (`:name`),
 * for a TypeORM query builder as they are, or through `bindCondition` for `query(sql, params)`.
 */
export interface SqlCondition {
  readonly sql: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The condition's SQL with its named parameters as `$n` placeholders, their values appended to
 * `params` (for `dataSource.query(sql, params)`). Only the condition's own names are replaced, so
 * a cast such as `::uuid[]` is left as written.
 */
export function bindCondition(c: SqlCondition, params: unknown[]): string {
  return c.sql.replace(/:(\w+)/g, (text, name: string, at: number) => {
    if (c.sql[at - 1] === ':' || !Object.hasOwn(c.params, name)) return text;
    params.push(c.params[name]);
    return `$${params.length}`;
  });
}
