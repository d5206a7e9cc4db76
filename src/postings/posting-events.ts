import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../platform/database/outbox.service';
import type { Posting } from './posting.entity';

/** The outbox row that makes the matching worker re-rank this version (same transaction). */
export function announcePostingChange(
  outbox: OutboxService,
  m: EntityManager,
  p: Pick<Posting, 'id' | 'version' | 'status'>,
): Promise<void> {
  return outbox.add(m, {
    kind: 'posting.changed',
    entityId: p.id,
    version: p.version,
    payload: { status: p.status },
  });
}
