import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../kernel/clock';
import { InvalidInputError } from '../kernel/domain-errors';
import { ResidentsDirectory } from '../residents/residents-directory';
import type { Contact } from './contact.entity';
import { ContactsRepository } from './contacts.repository';
import type { ContactDto, CreateContactDto } from './dto/contact.dto';

/**
 * Officers' contacts with residents. Logging one needs the resident's household managed by the
 * officer (the site's officers do the casework); reading them needs only read scope, as the
 * resident page does. Notes are personal data: reads and writes are audited, never logged.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly residents: ResidentsDirectory,
  ) {}

  async create(actor: AuthUser, residentId: string, dto: CreateContactDto): Promise<ContactDto> {
    if (dto.date > todayInPilotZone()) throw new InvalidInputError('date', 'must not be in the future');
    return this.repo.transaction(async (m) => {
      const ref = await this.residents.residentRef(residentId, m);
      this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Resident');
      const c = await this.repo.add(m, {
        residentId,
        date: dto.date,
        kind: dto.kind,
        note: dto.note?.trim() || null,
        createdBy: actor.id,
      });
      await this.audit.record(
        actor,
        {
          action: 'contact.create',
          entityType: 'contact',
          entityId: c.id,
          onBehalfOfResidentId: residentId,
          details: { kind: dto.kind },
        },
        m,
      );
      return toDto(c);
    });
  }

  /** The resident's contacts, newest first (at most 50). */
  async listFor(actor: AuthUser, residentId: string): Promise<ContactDto[]> {
    const ref = await this.residents.residentRef(residentId);
    this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
    const rows = await this.repo.ofResident(residentId, 50);
    await this.audit.recordReads(
      actor,
      'contact',
      rows.map((c) => c.id),
    );
    return rows.map(toDto);
  }
}

function toDto(c: Contact): ContactDto {
  return {
    id: c.id,
    residentId: c.residentId,
    date: c.date,
    kind: c.kind,
    note: c.note,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
  };
}
