import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Contact } from './contact.entity';

/** The only code naming the contact table. Methods that take a manager run in the caller's transaction. */
@Injectable()
export class ContactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  add(
    m: EntityManager,
    c: Pick<Contact, 'residentId' | 'date' | 'kind' | 'note' | 'createdBy'>,
  ): Promise<Contact> {
    return m.save(m.create(Contact, c));
  }

  /** A resident's contacts, newest first, at most `take`. */
  ofResident(residentId: string, take: number): Promise<Contact[]> {
    return this.dataSource.manager.find(Contact, {
      where: { residentId },
      order: { date: 'DESC', createdAt: 'DESC' },
      take,
    });
  }
}
