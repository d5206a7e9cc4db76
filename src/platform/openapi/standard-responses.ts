import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const ERROR_SCHEMA = 'ErrorResponseDto';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * What the whole app answers, whatever the route (API.md, Conventions): the validation pipe's 400
 * for any input, the scope policy's 404 for any object a path names, the guard's 401/403 (declared
 * by @Public and @Allow). Written here once, from what an operation takes, not on every route.
 */
const BAD_INPUT = 'Bad input: `details` names each offending field; unknown fields are rejected';
const NOT_FOUND = "No such object, or it is outside the caller's scope (never revealed which)";

/**
 * Completes what Nest's scanner cannot express: `security: []` for public operations (the scanner
 * drops an empty list), the standard 4xx answers, and API.md's error body on every 4xx answer.
 */
export function completeOperations(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) completeOperation(path, op);
    }
  }
  return doc;
}

function completeOperation(path: string, op: OperationObject): void {
  const ext = op as OperationObject & { 'x-leye-access'?: string };
  if (ext['x-leye-access'] === 'public' && !op.security) op.security = [];
  const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
  if (takesInput) op.responses['400'] ??= { description: BAD_INPUT };
  if (path.includes('{')) op.responses['404'] ??= { description: NOT_FOUND };
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response || !/^4\d\d$/.test(status) || '$ref' in response) continue;
    // Errors are JSON even where the answer is a file (exports): a route's @ApiProduces is for its 2xx.
    if (!response.content?.['application/json'])
      response.content = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };
  }
}
