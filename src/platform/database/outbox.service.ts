import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEvent, type OutboxKind } from './outbox-event.entity';

export interface OutboxMessage {
  kind: OutboxKind;
  entityId: string;
  version: number;
  payload?: Record<string, unknown>;
}

/** Writes outbox rows; always with the caller's transaction manager, never on its own. */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, message: OutboxMessage): Promise<void> {
    await manager.insert(OutboxEvent, {
      kind: message.kind,
      entityId: message.entityId,
      version: message.version,
      payload: (message.payload ?? {}) as never,
    });
  }
}
