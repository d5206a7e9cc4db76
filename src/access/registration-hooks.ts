import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ResidentRegistration {
  userId: string;
  name: string;
  phone: string;
  nationalId?: string;
  siteId?: string;
}

/**
 * Self-registration of a resident links the account to a roster entry (or creates a pending
 * one). That belongs to the residents module, which registers itself here at start, so the
 * access module does not depend on it (DESIGN.md: dependencies point one way).
 */
export interface ResidentRegistrar {
  register(manager: EntityManager, r: ResidentRegistration): Promise<{ residentId: string }>;
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
