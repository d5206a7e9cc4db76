import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { ResidentsDirectory } from './residents-directory';
import { ResidentsRepository } from './residents.repository';

/**
 * An officer in scope reads a resident's phone in clear to call them (issue 13 item 7). Pages
 * show it masked; the clear number only answers an explicit action, and each answer is an audit
 * entry naming the officer (the number itself never goes to the log or the audit details).
 */
@Injectable()
export class ResidentPhoneService {
  constructor(
    private readonly repo: ResidentsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly residents: ResidentsDirectory,
  ) {}

  /** The phone in clear (null when none is stored); 404 outside the officer's scope. */
  async readForOfficer(actor: AuthUser, residentId: string): Promise<string | null> {
    const ref = await this.residents.residentRef(residentId);
    this.policy.require(
      (actor.role === 'officer' || actor.role === 'admin') && !!ref && this.policy.readsResident(actor, ref),
      'Resident',
    );
    const phone = await this.repo.phoneOf(residentId);
    await this.audit.record(actor, {
      action: 'resident.phone.read',
      entityType: 'resident',
      entityId: residentId,
      onBehalfOfResidentId: residentId,
    });
    return phone ? this.pii.decrypt(phone) : null;
  }
}
