import 'reflect-metadata';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DuplicateOutboxRouteError, OutboxRouter } from './outbox-router';
import { OutboxRoute } from './outbox-routes';
import { discoverOne, discoverReactions, MissingReactionError, reactionPoint, ReactsTo } from './reactions';

interface Greeter {
  greet(): string;
}
const GREETER = reactionPoint<Greeter>('GREETER', 'one');
const LISTENERS = reactionPoint<Greeter>('LISTENERS', 'any');

@Injectable()
class NeedsGreeter implements OnModuleInit {
  greeter!: Greeter;
  listeners: Greeter[] = [];
  constructor(private readonly discovery: DiscoveryService) {}
  onModuleInit(): void {
    this.greeter = discoverOne(this.discovery, GREETER);
    this.listeners = discoverReactions(this.discovery, LISTENERS);
  }
}

@Injectable()
@ReactsTo(GREETER)
@ReactsTo(LISTENERS)
class Hello implements Greeter {
  greet(): string {
    return 'hello';
  }
}

async function boot(providers: (new (...a: never[]) => unknown)[]) {
  @Module({ imports: [DiscoveryModule], providers })
  class M {}
  const ref = await Test.createTestingModule({ imports: [M] }).compile();
  return ref.init();
}

describe('reactions (common/reactions.ts)', () => {
  it('hands the consumer the provider that declares the reaction, wherever it is loaded', async () => {
    const app = await boot([NeedsGreeter, Hello]);
    const c = app.get(NeedsGreeter);
    expect(c.greeter.greet()).toBe('hello');
    expect(c.listeners).toHaveLength(1);
    await app.close();
  });

  it('refuses to start when a required reaction is missing (not at the first request)', async () => {
    await expect(boot([NeedsGreeter])).rejects.toThrow(MissingReactionError);
    await expect(boot([NeedsGreeter])).rejects.toThrow(/GREETER needs exactly one/);
  });
});

@Injectable()
class RoutesA {
  @OutboxRoute('import.requested')
  a() {
    return [];
  }
}
@Injectable()
class RoutesB {
  @OutboxRoute('import.requested')
  b() {
    return [];
  }
}

describe('OutboxRouter', () => {
  it('finds the declared routes at start', async () => {
    const app = await boot([OutboxRouter, RoutesA]);
    expect(app.get(OutboxRouter).kinds()).toEqual(['import.requested']);
    await app.close();
  });

  it('refuses to start with two routes for one kind', async () => {
    await expect(boot([OutboxRouter, RoutesA, RoutesB])).rejects.toThrow(DuplicateOutboxRouteError);
  });
});
