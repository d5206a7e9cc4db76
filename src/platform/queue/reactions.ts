import type { DiscoveryService } from '@nestjs/core';

/*
 * Reactions: how a module reacts to another module's step without that module depending on it
 * (DESIGN.md: dependencies point one way). The module that owns the step declares a reaction
 * point; the reacting provider carries @ReactsTo(point) on its class; the owner collects the
 * reactions once at start (onModuleInit) through Nest's DiscoveryService — the way the worker
 * collects @JobHandler classes. Nothing is installed by a setter and nothing is written into an
 * exported object, so a reaction cannot be "forgotten to register": the provider that carries
 * it is found wherever it is loaded, and a point that needs exactly one reaction stops the
 * process at start when there is none (or two), not at the first request.
 *
 * Points (grep ReactsTo for the reacting side):
 * - RESIDENT_REGISTRAR (access/registration-hooks.ts): exactly one; residents links an account.
 * - EMPLOYER_RENAMED (employers/employers.service.ts): any number; postings re-tokenizes.
 * Outbox events have their own declaration, @OutboxRoute (queue/outbox-routes.ts).
 */

const REACTS_TO = 'leye:reacts-to';

export interface ReactionPoint<T> {
  readonly name: string;
  /** 'one': exactly one reaction, or the process refuses to start; 'any': zero or more. */
  readonly cardinality: 'one' | 'any';
  /** Type only: what a reaction implements. */
  readonly _type?: T;
}

export class MissingReactionError extends Error {}

export function reactionPoint<T>(name: string, cardinality: 'one' | 'any'): ReactionPoint<T> {
  return { name, cardinality };
}

/** Marks a provider class as a reaction to `point`; the class must implement the point's type. */
export function ReactsTo<T>(
  point: ReactionPoint<T>,
): <C extends abstract new (...args: never[]) => T>(target: C) => void {
  return (target) => {
    const points = (Reflect.getMetadata(REACTS_TO, target) as string[] | undefined) ?? [];
    Reflect.defineMetadata(REACTS_TO, [...points, point.name], target);
  };
}

/** The reactions to `point` among the application's providers, each instance once. */
export function discoverReactions<T>(discovery: DiscoveryService, point: ReactionPoint<T>): T[] {
  const found = new Set<T>();
  for (const w of discovery.getProviders()) {
    if (!w.metatype || !w.instance) continue;
    const points = Reflect.getMetadata(REACTS_TO, w.metatype) as string[] | undefined;
    if (points?.includes(point.name)) found.add(w.instance as T);
  }
  return [...found];
}

/** The one reaction to a 'one' point; throws at start when there is none or more than one. */
export function discoverOne<T>(discovery: DiscoveryService, point: ReactionPoint<T>): T {
  const found = discoverReactions(discovery, point);
  if (found.length !== 1)
    throw new MissingReactionError(
      `${point.name} needs exactly one provider with @ReactsTo(${point.name}), found ${found.length}; refusing to start`,
    );
  return found[0];
}
