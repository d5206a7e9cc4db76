import { Injectable } from '@nestjs/common';
import { AccountsDirectory } from '../access/accounts-directory';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { UsersService } from '../access/users.service';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../kernel/domain-errors';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { ResidentExportDto } from './dto/resident.dto';
import { HouseholdsService } from './households.service';
import { phoneColumns } from './resident-pii';
import { ResidentVersions } from './resident-versions';
import { toResidentDto } from './resident-view';
import { ResidentsDirectory } from './residents-directory';
import { ResidentsRepository } from './residents.repository';

/** The name an erased resident's row keeps (the row stays for the statistics). */
export const ERASED_NAME = '已注销';

/** The resident's rights over their own data (PIPL): a copy of it, and its erasure. */
@Injectable()
export class ResidentPrivacyService {
  constructor(
    private readonly repo: ResidentsRepository,
    private readonly directory: ResidentsDirectory,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly versions: ResidentVersions,
    private readonly accounts: AccountsDirectory,
  ) {}

  /** The resident's own data (PIPL right of access). The national ID stays masked (API.md). */
  async exportOwnData(user: AuthUser): Promise<ResidentExportDto> {
    if (user.role !== 'resident' || !user.residentId) throw new NotFoundError('Resident');
    const id = user.residentId;
    const r = await this.repo.find(id);
    if (!r) throw new NotFoundError('Resident');
    const dto = toResidentDto(this.pii, await this.repo.profile(id));
    const h = await this.repo.household(r.householdId);
    await this.audit.record(user, { action: 'resident.export', entityType: 'resident', entityId: id });
    return {
      ...dto,
      phone: r.phoneEncrypted ? this.pii.decrypt(r.phoneEncrypted) : null,
      household: this.households.toDto(h) as unknown as Record<string, unknown>,
      exportedAt: new Date(),
    };
  }

  /**
   * Erasure on request (PIPL art. 47): name, national ID and phone are removed (ciphertexts and
   * lookup digests), consent and alerts switched off and the account disabled; the row stays,
   * anonymous, so the statistics and placements keep their counts.
   */
  async erasePersonalData(actor: AuthUser, residentId: string): Promise<{ id: string; erasedAt: Date }> {
    return this.repo.transaction(async (m) => {
      const ref = await this.directory.residentRef(residentId, m);
      const allowed =
        actor.role === 'admin' || (actor.role === 'resident' && actor.residentId === residentId);
      this.policy.require(!!ref && allowed, 'Resident');
      const r = await this.repo.lockOrFail(m, residentId);
      if (r.erasedAt) return { id: r.id, erasedAt: r.erasedAt };
      const erasedAt = new Date();
      await this.repo.update(m, r.id, {
        name: ERASED_NAME,
        nationalIdEncrypted: null,
        nationalIdHmac: null,
        nationalIdMasked: null,
        ...phoneColumns(this.pii, null),
        consentToShare: false,
        jobAlerts: false,
        erasedAt,
      });
      await this.repo.deleteCertificates(m, r.id);
      for (const accountId of await this.accounts.idsOfResident(m, r.id))
        await this.users.erase(m, accountId);
      await this.households.recompute(m, r.householdId);
      await this.versions.changed(m, r.id);
      await this.audit.record(
        actor,
        {
          action: 'resident.erase',
          entityType: 'resident',
          entityId: r.id,
          onBehalfOfResidentId: actor.role === 'resident' ? null : r.id,
        },
        m,
      );
      return { id: r.id, erasedAt };
    });
  }
}
