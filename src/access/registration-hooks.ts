import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
 * one). That belongs to the residents module, which registers itself here at start, so the
 * access module does not depend on it (DESIGN.md: dependencies point one way).
 */
export interface ResidentRegistrar {
  /** Refuses (400) what is wrong without looking at the roster: ID checksum, unknown site. */
  check(r: { nationalId?: string; siteId?: string }): Promise<void>;
  register(manager: EntityManager, r: ResidentRegistration): Promise<ResidentRegistrationOutcome>;
}

@Injectable()
export class RegistrationHooks {
  private residentRegistrar: ResidentRegistrar | null = null;

  setResidentRegistrar(r: ResidentRegistrar): void {
    this.residentRegistrar = r;
  }

  resident(): ResidentRegistrar | null {
    return this.residentRegistrar;
  }
}
