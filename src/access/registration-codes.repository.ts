import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import { RegistrationCode } from './registration-code.entity';

/*
 * The registration_code table (a registration waiting for its phone's code), for
 * RegistrationService (issue 14 item 4). Methods that take a manager run in the caller's
 * transaction; the others on the pool.
 */

/** What a pending registration is stored with (RegistrationService decides the values). */
export type NewRegistrationCodeRow = Pick<
  RegistrationCode,
  'phoneHmac' | 'ticketHash' | 'codeHash' | 'payloadEncrypted' | 'attempts' | 'expiresAt'
>;

@Injectable()
export class RegistrationCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The phone's registrations whose code has expired. */
  async deleteExpired(phoneHmac: string): Promise<void> {
    await this.dataSource.manager.delete(RegistrationCode, {
      phoneHmac,
      expiresAt: LessThan(new Date()),
    });
  }

  async insert(row: NewRegistrationCodeRow): Promise<void> {
    await this.dataSource.manager.insert(RegistrationCode, row);
  }

  /** The ticket's registration for the phone, locked FOR UPDATE until the transaction ends. */
  lock(m: EntityManager, ticketHash: string, phoneHmac: string): Promise<RegistrationCode | null> {
    return m.findOne(RegistrationCode, {
      where: { ticketHash, phoneHmac },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async countAttempt(m: EntityManager, id: string): Promise<void> {
    await m.increment(RegistrationCode, { id }, 'attempts', 1);
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(RegistrationCode, { id });
  }

  /** Every registration waiting for the phone. */
  async deleteAllOf(m: EntityManager, phoneHmac: string): Promise<void> {
    await m.delete(RegistrationCode, { phoneHmac });
  }
}
