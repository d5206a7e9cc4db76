import type { EntityManager } from 'typeorm';
import { reactionPoint } from '../platform/queue/reactions';

export interface ResidentRegistration {
  userId: string;
  name: string;
  /** Proven: the account's phone answered its one-time code. */
  phone: string;
  nationalId?: string;
  siteId?: string;
}

export interface ResidentRegistrationOutcome {
  /**
   * The resident the new account is linked to now: only a record it created itself (pending
   * self-registration) or a roster resident whose own phone is the one just proven. Null: a
   * pending resident, waiting for proof (roster code or officer), who sees nothing of any record.
   */
  residentId: string | null;
  /** Side effects after the commit (the roster phone's code). */
  afterCommit?: () => Promise<void>;
}

/**
 * Self-registration of a resident links the account to a roster entry (or creates a pending
 * one). That belongs to the residents module, whose registrar carries
 * @ReactsTo(RESIDENT_REGISTRAR), so the access module does not depend on it (DESIGN.md:
 * dependencies point one way). RegistrationService finds it at start and refuses to start
 * without one (common/reactions.ts).
 */
export interface ResidentRegistrar {
  /** Refuses (400) what is wrong without looking at the roster: ID checksum, unknown site. */
  check(r: { nationalId?: string; siteId?: string }): Promise<void>;
  register(manager: EntityManager, r: ResidentRegistration): Promise<ResidentRegistrationOutcome>;
}

export const RESIDENT_REGISTRAR = reactionPoint<ResidentRegistrar>('RESIDENT_REGISTRAR', 'one');
