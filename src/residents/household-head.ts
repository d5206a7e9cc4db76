/**
 * The head of a household (户主) as the site knows it: the first member registered (the first
 * row of the household in its roster), not erased. The roster has no 户主 column; officers
 * read the household under that member's name and its site number (`household.number`).
 * `h` is the household alias; answers the resident id and name (NULL when no member is left).
 */
export function householdHeadSql(h = 'h'): string {
  return `LEFT JOIN LATERAL (SELECT hd.id AS head_id, hd.name AS head_name FROM resident hd
                             WHERE hd.household_id = ${h}.id AND hd.erased_at IS NULL
                             ORDER BY hd.created_at, hd.id LIMIT 1) head ON true`;
}

/** How an officer reads a household: number and head ("12 号 · 张三家"). */
export interface HouseholdLabel {
  number: number;
  headName: string | null;
}
