import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** src/web/static in tests, dist/src/web/static when built (nest-cli.json copies it). */
export const STATIC_DIR = join(__dirname, 'static');
export const STATIC_PREFIX = '/static/';

const versions = new Map<string, string>();

/**
 * The URL of a static file with its content hash, so it can be cached for a year ("immutable")
 * and a new build is fetched at once.
 */
export function assetUrl(name: 'app.css' | 'app.js'): string {
  let v = versions.get(name);
  if (!v) {
    v = createHash('sha256')
      .update(readFileSync(join(STATIC_DIR, name)))
      .digest('hex')
      .slice(0, 10);
    versions.set(name, v);
  }
  return `${STATIC_PREFIX}${name}?v=${v}`;
}
