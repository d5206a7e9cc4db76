import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsRepository } from './accounts.repository';

/** An account's name and phone (encrypted, and its lookup digest `PiiCipher.hmac('phone', …)`). */
export interface AccountContact {
  id: string;
  name: string;
  phoneEncrypted: string;
  phoneHmac: string;
}

/**
 * The read API over the accounts (app_user) for other features (issue 14 item 4): they keep the
 * account ids in their own tables and ask here for the facts, by id, one query per call (no
 * N+1): commute the name of who recorded a row, residents the account side of a link to a
 * roster resident. Methods that take a manager read in the caller's transaction.
 */
@Injectable()
export class AccountsDirectory {
  constructor(private readonly repo: AccountsRepository) {}

  /** Names by account id (any role, disabled or not); an id of no account has no entry. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.repo.namesOf(unique);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Name and phone by account id; an id of no account has no entry. */
  async contactsOf(ids: readonly string[]): Promise<Map<string, AccountContact>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.repo.contactsOf(unique);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The account and the resident it is linked to, or null when there is no such account. */
  async residentLinkOf(
    m: EntityManager,
    userId: string,
  ): Promise<{ id: string; residentId: string | null } | null> {
    const row = await this.repo.residentLinkOf(m, userId);
    return row ? { id: row.id, residentId: row.resident_id } : null;
  }

  /** Whether the resident has an account, or the account a resident, already. */
  eitherLinked(m: EntityManager, residentId: string, userId: string): Promise<boolean> {
    return this.repo.eitherLinked(m, residentId, userId);
  }

  /** The ids of the accounts (enabled or not) linked to the resident. */
  idsOfResident(m: EntityManager, residentId: string): Promise<string[]> {
    return this.repo.idsOfResident(m, residentId);
  }
}
