import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { API_PREFIX, UNPREFIXED_PATHS, buildOpenApi } from '../http-app';
import { canonicalJson } from '../platform/openapi/canonical-json';

/**
 * `npm run openapi:write`: writes the document /api/docs-json serves to openapi.json (or the path
 * given), in its committed form. Nest's preview mode reads the module graph without creating
 * providers, so this needs neither PostgreSQL nor Redis. test/e2e/openapi.e2e-spec.ts fails when
 * the served document and the committed one differ.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'openapi.json');
  const app = await NestFactory.create<NestFastifyApplication>(
    // The document of an api process; the demo adds no route.
    AppModule.forConfig({ role: 'api', demo: false }),
    new FastifyAdapter(),
    {
      preview: true,
      logger: ['error'],
      abortOnError: false,
    },
  );
  // As configureHttpApp does: the operations' paths depend on it.
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });
  writeFileSync(target, canonicalJson(buildOpenApi(app)));
  await app.close();
  console.log(`Wrote ${target}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
