/**
 * Notification payloads travel to inboxes, robots and logs: they carry ids, counts and links,
 * never personal data. A key that names a phone or an ID number is a programming error in the
 * caller, refused before anything is written.
 */
const FORBIDDEN_KEY = /phone|mobile|national_?id|id_?card|id_?number|身份证|手机/i;

export function assertNoPersonalData(value: unknown, path = 'payload', depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoPersonalData(v, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (FORBIDDEN_KEY.test(k))
      throw new Error(`Notification ${path}.${k}: personal data is not allowed here`);
    assertNoPersonalData(v, `${path}.${k}`, depth + 1);
  }
}
