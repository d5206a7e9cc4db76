import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsDirectory } from '../access/accounts-directory';
import { codeExpiry, codeHash, newCode } from '../access/one-time-codes';
import { RateLimits } from '../access/rate-limits';
import {
  RESIDENT_REGISTRAR,
  type ResidentRegistrar,
  type ResidentRegistration,
  type ResidentRegistrationOutcome,
} from '../access/registration-hooks';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../kernel/domain-errors';
import { ReactsTo } from '../platform/queue/reactions';
import { AppConfig } from '../platform/config/app-config';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { SmsSender } from '../platform/sms/sms-sender';
import { RegionsService } from '../regions/regions.service';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';
import { checkNationalId, NATIONAL_ID_MESSAGES, nationalIdFacts, normalizeNationalId } from './national-id';
import { ResidentLinkClaimsRepository } from './resident-link-claims.repository';
import { phoneColumns } from './resident-pii';
import { ResidentVersions } from './resident-versions';
import type { Resident } from './resident.entity';
import { ResidentsRepository } from './residents.repository';

export const rosterCodeText = (code: string) =>
  `【乐业】有人用您的身份证号注册乐业账号，验证码 ${code}（10 分钟内有效，在乐业「连上我的居民登记」页输入）。如果不是您本人，请不要告诉任何人，并联系安置点工作人员。`;

/**
 * The resident half of POST /auth/register/verify (the account's phone is proven by then).
 * A national ID is not proof of anything — neighbours, relatives and cadres know it — so a roster
 * resident is linked at once only when the proven phone is the roster's own phone. Otherwise the
 * account becomes a pending resident with a claim: a code goes to the roster phone (the real
 * person learns someone is registering as them), or, with no roster phone, an officer of the site
 * decides (ResidentLinkClaims). Already-linked IDs leave an account without a record; an ID on
 * no roster, with a site, gets a pending record that the officer confirms like any claim. For
 * the registrant every case with a typed ID looks the same: no residentId until proof.
 */
@Injectable()
@ReactsTo(RESIDENT_REGISTRAR)
export class ResidentRegistrationService implements ResidentRegistrar {
  constructor(
    private readonly pii: PiiCipher,
    private readonly regions: RegionsService,
    private readonly households: HouseholdsService,
    private readonly versions: ResidentVersions,
    private readonly audit: AuditService,
    private readonly sms: SmsSender,
    private readonly config: AppConfig,
    private readonly limits: RateLimits,
    private readonly residentRows: ResidentsRepository,
    private readonly householdRows: HouseholdsRepository,
    private readonly claims: ResidentLinkClaimsRepository,
    private readonly accounts: AccountsDirectory,
  ) {}

  async check(r: { nationalId?: string; siteId?: string }): Promise<void> {
    if (r.nationalId) {
      const problem = checkNationalId(normalizeNationalId(r.nationalId));
      if (problem) throw new InvalidInputError('nationalId', NATIONAL_ID_MESSAGES[problem]);
    }
    // The site directory is public (the registration page lists it): no secret in this check.
    if (r.siteId && !(await this.regions.findSite(r.siteId)))
      throw new InvalidInputError('siteId', `unknown site ${r.siteId}`);
  }

  async register(m: EntityManager, reg: ResidentRegistration): Promise<ResidentRegistrationOutcome> {
    const nationalId = reg.nationalId ? normalizeNationalId(reg.nationalId) : null;
    if (nationalId) {
      const onRoster = await this.residentRows.lockByNationalIdHmac(
        m,
        this.pii.hmac('national_id', nationalId),
      );
      if (onRoster) return this.claim(m, onRoster, reg);
    }
    if (!reg.siteId) return { residentId: null };
    const residentId = await this.selfRegister(m, reg, nationalId);
    if (!nationalId) return { residentId };
    // A typed ID on no roster waits for the site's officer as a roster ID does: linked at once,
    // it told the registrant (by /me's residentId) which IDs are on no roster (issue 12, finding 2).
    await this.claims.insert(m, reg.userId, residentId);
    await this.audit.record(
      null,
      {
        action: 'resident.link_claim',
        entityType: 'resident',
        entityId: residentId,
        details: { userId: reg.userId, rosterPhone: false, selfRegistered: true },
      },
      m,
    );
    return { residentId: null };
  }

  private async claim(
    m: EntityManager,
    resident: Resident,
    reg: ResidentRegistration,
  ): Promise<ResidentRegistrationOutcome> {
    const linked = await this.accounts.idsOfResident(m, resident.id);
    const record = (action: string, details: Record<string, unknown>) =>
      this.audit.record(null, { action, entityType: 'resident', entityId: resident.id, details }, m);
    if (linked.length || resident.erasedAt) {
      await record('resident.link_refused', {
        userId: reg.userId,
        reason: linked.length ? 'linked' : 'erased',
      });
      return { residentId: null };
    }
    if (resident.phoneHmac && resident.phoneHmac === this.pii.hmac('phone', reg.phone)) {
      await record('resident.link', { userId: reg.userId, proof: 'roster_phone' });
      // Strangers' claims on this person (and the codes they wait for) end here.
      await this.claims.deleteAllOn(m, resident.id);
      return { residentId: resident.id };
    }
    const claim = await this.claims.insert(m, reg.userId, resident.id);
    await record('resident.link_claim', { userId: reg.userId, rosterPhone: !!resident.phoneEncrypted });
    if (!resident.phoneEncrypted || !resident.phoneHmac) return { residentId: null };
    // The first code counts against the roster phone's link budget too: each stranger's account
    // would otherwise bring five fresh guesses and an unsolicited SMS to the real person. Over
    // the budget the claim just waits for an officer (the registrant is told the same).
    if (!(await this.limits.linkCode(resident.phoneHmac, claim.id))) return { residentId: null };
    const code = newCode();
    await this.claims.update(
      claim.id,
      { codeHash: codeHash(this.config.piiHmacKey, `link:${claim.id}`, code), codeExpiresAt: codeExpiry() },
      m,
    );
    const rosterPhone = this.pii.decrypt(resident.phoneEncrypted);
    return { residentId: null, afterCommit: () => this.sms.send(rosterPhone, rosterCodeText(code)) };
  }

  /**
   * A resident not on any roster: a new pending household and record at the site (officer
   * confirms). The national ID the registrant typed is not stored on it, only what it says
   * (birth date, gender): stored, it would be the key under which a later roster import or an
   * officer's entry of the real person merges into this record — the registrant's account would
   * then read the real person's data. The confirming officer enters the ID from the ID card.
   */
  private async selfRegister(
    m: EntityManager,
    reg: ResidentRegistration,
    nationalId: string | null,
  ): Promise<string> {
    const site = await this.regions.findSite(reg.siteId!);
    if (!site) throw new InvalidInputError('siteId', `unknown site ${reg.siteId}`);
    // Registered (for now) in the site's own region; the confirming officer moves the resident
    // into the right household.
    const household = await this.householdRows.insert(m, {
      siteId: site.id,
      originRegionCode: site.regionCode,
      monitoringStatus: 'none',
    });
    const facts = nationalId ? nationalIdFacts(nationalId) : null;
    const resident = await this.residentRows.insert(m, {
      householdId: household.id,
      siteId: site.id,
      name: reg.name,
      gender: facts?.gender ?? null,
      birthDate: facts?.birthDate ?? null,
      ...phoneColumns(this.pii, reg.phone),
      laborCapacity: 'full',
      employmentStatus: 'unemployed',
      consentToShare: false,
      status: 'pending',
    });
    await this.households.recompute(m, household.id);
    await this.versions.created(m, resident.id);
    await this.audit.record(
      null,
      {
        action: 'resident.self_register',
        entityType: 'resident',
        entityId: resident.id,
        details: { status: 'pending', claimedNationalId: !!nationalId },
      },
      m,
    );
    return resident.id;
  }
}
