import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, type AccessRule } from '../../src/access/access.decorator';
import { API_PREFIX } from '../../src/http-app';

export interface RouteInfo {
  /** "GET /api/v1/sites/:id" — the key of test/e2e/permissions.ts. */
  key: string;
  method: string;
  /** The path as Fastify serves it (":id" parameters). */
  path: string;
  controller: string;
  handler: string;
  rule: AccessRule | undefined;
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/**
 * Every route the running app serves through a Nest controller, read from the controllers'
 * metadata (so a new route cannot be forgotten) and checked against Fastify's router (so the
 * path is the one clients call, with or without the /api/v1 prefix).
 */
export function routeTable(app: NestFastifyApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const fastify = app.getHttpAdapter().getInstance();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const metatype = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!metatype || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    const controllerPaths = [Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined]
      .flat()
      .map((p) => p ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPaths === undefined || requestMethod === undefined) continue;
      const method = RequestMethod[requestMethod];
      const methods = method === 'ALL' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] : [method];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, metatype]);
      for (const cp of controllerPaths) {
        for (const mp of [methodPaths].flat()) {
          const bare = joinPath(cp, mp);
          const prefixed = joinPath(API_PREFIX, cp, mp);
          for (const m of methods) {
            const served = fastify.hasRoute({ method: m, url: prefixed })
              ? prefixed
              : fastify.hasRoute({ method: m, url: bare })
                ? bare
                : null;
            if (!served)
              throw new Error(`${metatype.name}.${name}: ${m} ${prefixed} is not in Fastify's router`);
            routes.push({
              key: `${m} ${served}`,
              method: m,
              path: served,
              controller: metatype.name,
              handler: name,
              rule,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** The declared rule in the permission table's words: 'public' or the sorted roles. */
export function declaredAccess(rule: AccessRule | undefined): 'public' | string[] | undefined {
  if (!rule) return undefined;
  return rule.kind === 'public' ? 'public' : [...rule.roles].sort();
}
