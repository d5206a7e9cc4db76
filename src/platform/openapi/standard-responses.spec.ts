import type { OpenAPIObject } from '@nestjs/swagger';
import { sortKeysDeep } from './canonical-json';
import { completeOperations, ERROR_SCHEMA } from './standard-responses';

const errorBody = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };

function doc(paths: Record<string, unknown>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths } as OpenAPIObject;
}

describe('completeOperations', () => {
  it('a public operation gets security [] (the scanner drops an empty list); a bearer one keeps its own', () => {
    const d = completeOperations(
      doc({
        '/a': { get: { 'x-leye-access': 'public', responses: { 200: { description: '' } } } },
        '/b': { get: { security: [{ bearer: [] }], responses: { 200: { description: '' } } } },
      }),
    );
    expect(d.paths['/a'].get?.security).toEqual([]);
    expect(d.paths['/b'].get?.security).toEqual([{ bearer: [] }]);
  });

  it('400 when the operation takes input, 404 when its path names an object, none otherwise', () => {
    const d = completeOperations(
      doc({
        '/sites/{id}': {
          get: { parameters: [{ name: 'id', in: 'path' }], responses: { 200: { description: '' } } },
        },
        '/plain': { get: { responses: { 200: { description: '' } } } },
        '/body': { post: { requestBody: { content: {} }, responses: { 201: { description: '' } } } },
      }),
    );
    expect(Object.keys(d.paths['/sites/{id}'].get!.responses).sort()).toEqual(['200', '400', '404']);
    expect(Object.keys(d.paths['/plain'].get!.responses)).toEqual(['200']);
    expect(Object.keys(d.paths['/body'].post!.responses).sort()).toEqual(['201', '400']);
  });

  it("every 4xx answer carries API.md's error body, as JSON even where the route produces a file", () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const d = completeOperations(
      doc({
        '/export': {
          get: {
            responses: {
              200: { description: '', content: { [xlsx]: {} } },
              401: { description: 'No or bad credentials', content: { [xlsx]: {} } },
              409: { description: 'conflict' },
            },
          },
        },
      }),
    );
    const responses = d.paths['/export'].get!.responses as Record<string, { content?: unknown }>;
    expect(responses['401'].content).toEqual(errorBody);
    expect(responses['409'].content).toEqual(errorBody);
    expect(responses['200'].content).toEqual({ [xlsx]: {} });
  });
});

describe('sortKeysDeep', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(JSON.stringify(sortKeysDeep({ b: 1, a: { d: [3, 1], c: null } }))).toBe(
      '{"a":{"c":null,"d":[3,1]},"b":1}',
    );
  });
});
