import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { OutboxEvent } from '../database/outbox-event.entity';
import { OUTBOX_ROUTE, type OutboxRouteFn, type RouteContext, type RoutedJob } from './outbox-routes';

export class DuplicateOutboxRouteError extends Error {}

/**
 * Every @OutboxRoute of the application, collected once at start from the providers (like the
 * worker's @JobHandler registry). The relay publishes only kinds routed here and reports the
 * others; two routes for one kind refuse to start (which one would win is not a choice to leave
 * to module order).
 */
@Injectable()
export class OutboxRouter implements OnModuleInit {
  private routes: Map<string, OutboxRouteFn> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.routes = this.collect();
  }

  private collect(): Map<string, OutboxRouteFn> {
    const routes = new Map<string, OutboxRouteFn>();
    const where = new Map<string, string>();
    const seen = new Set<object>();
    for (const w of this.discovery.getProviders()) {
      const instance = w.instance as Record<string, unknown> | undefined;
      if (!w.metatype || !instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const kind = Reflect.getMetadata(OUTBOX_ROUTE, fn) as string | undefined;
        if (!kind) continue;
        const at = `${w.metatype.name}.${method}`;
        if (routes.has(kind))
          throw new DuplicateOutboxRouteError(
            `Two routes for outbox kind ${kind}: ${where.get(kind)} and ${at}; refusing to start`,
          );
        routes.set(kind, (fn as OutboxRouteFn).bind(instance));
        where.set(kind, at);
      }
    }
    return routes;
  }

  private table(): Map<string, OutboxRouteFn> {
    return (this.routes ??= this.collect());
  }

  /** The kinds this process can publish. */
  kinds(): string[] {
    return [...this.table().keys()].sort();
  }

  /** The jobs an event becomes; null when its kind has no route here. */
  route(e: OutboxEvent, ctx: RouteContext): RoutedJob[] | null {
    const fn = this.table().get(e.kind);
    return fn ? fn(e, ctx) : null;
  }
}
