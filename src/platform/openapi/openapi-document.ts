import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';
import { completeOperations } from './standard-responses';

/**
 * The OpenAPI document of /api/docs-json, also what `npm run openapi:write` commits as openapi.json.
 * Built from the module graph only (no database or Redis needed), so it is the same everywhere.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Leye (乐业) API')
    .setDescription(
      'Employment matching for relocated residents of resettlement sites. Every route lists the roles that may call it ' +
        "(`x-leye-roles`, or `x-leye-access: public`). Objects outside the caller's scope answer 404. " +
        'Errors have one shape (`ErrorResponseDto`). The contract and its conventions: API.md.',
    )
    .setVersion('1')
    // Relative: the paths are absolute (/api/v1/…, /health/…) on whichever host serves this document.
    .addServer('/', 'The server that serves this document')
    .addBearerAuth()
    .build();
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  return completeOperations(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] }));
}
