/** The calendar day `n` days after `day` (both YYYY-MM-DD; no zone: a date is a date). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
