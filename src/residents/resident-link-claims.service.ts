import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsDirectory } from '../access/accounts-directory';
import type { AuthUser } from '../access/auth-user';
import { CODE_MAX_ATTEMPTS, codeExpiry, codeHash, codeMatches, newCode } from '../access/one-time-codes';
import { RateLimits } from '../access/rate-limits';
import { ScopePolicy } from '../access/scope/scope-policy';
import { UsersService } from '../access/users.service';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { maskPhone } from '../platform/crypto/masking';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { SmsSender } from '../platform/sms/sms-sender';
import type { LinkClaimDto } from './dto/link-claim.dto';
import type { ResidentLinkClaim } from './resident-link-claim.entity';
import { ResidentLinkClaimsRepository } from './resident-link-claims.repository';
import { rosterCodeText } from './resident-registration.service';
import { ResidentsDirectory } from './residents-directory';
import { ResidentsRepository } from './residents.repository';
import { managedResidentsSql } from './scope-sql';

const CLAIMS_PAGE_SIZE = 50;

/** Too many wrong link codes (for this account or this person): only an officer links now. */
export class LinkGuessesUsedUp extends InvalidInputError {
  constructor() {
    super('code', 'too many wrong codes; an employment officer of your site must confirm you now');
  }
}

/**
 * Proof for a pending resident's claim on a roster record (see ResidentRegistrationService):
 * the code sent to the roster phone, entered by the account, or an officer of the resident's
 * site confirming (or rejecting) it.
 */
@Injectable()
export class ResidentLinkClaims {
  constructor(
    private readonly claims: ResidentLinkClaimsRepository,
    private readonly residentRows: ResidentsRepository,
    private readonly residents: ResidentsDirectory,
    private readonly policy: ScopePolicy,
    private readonly users: UsersService,
    private readonly accounts: AccountsDirectory,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly sms: SmsSender,
    private readonly config: AppConfig,
  ) {}

  /**
   * The account enters the roster phone's code. Wrong, expired or no claim: the same 400. Wrong
   * codes are capped per claim (CODE_MAX_ATTEMPTS, never reset by a resend) and per person over
   * all claims on them (LINK_GUESSES_PER_RESIDENT_PER_DAY): many attacker accounts do not add up
   * to many guesses. Past a cap only an officer links, and the 400 says so (LinkGuessesUsedUp).
   */
  async verifyCode(user: AuthUser, code: string): Promise<{ residentId: string }> {
    if (user.residentId) throw new ConflictError('This account is linked already', 'resident.already_linked');
    await this.limits.codeCheck(`link:${user.id}`);
    const result = await this.claims.transaction(async (m) => {
      const claim = await this.claims.ofUser(user.id, m);
      // The account's own count too, so an account with no claim is told the same after as many tries.
      const keys = [`account:${user.id}`, ...(claim ? [`resident:${claim.residentId}`] : [])];
      for (const key of keys) if (!(await this.limits.linkGuessesLeft(key))) return 'used-up' as const;
      const wrong = async () => {
        for (const key of keys) await this.limits.linkGuessFailed(key);
        return null;
      };
      if (!claim?.codeHash || !claim.codeExpiresAt || claim.codeExpiresAt < new Date()) return wrong();
      if (claim.codeAttempts >= CODE_MAX_ATTEMPTS) return wrong();
      if (!codeMatches(this.config.piiHmacKey, `link:${claim.id}`, code, claim.codeHash)) {
        // Used up: the claim waits for an officer from now on.
        await this.claims.update(
          claim.id,
          claim.codeAttempts + 1 >= CODE_MAX_ATTEMPTS
            ? { codeAttempts: claim.codeAttempts + 1, codeHash: null, codeExpiresAt: null }
            : { codeAttempts: claim.codeAttempts + 1 },
          m,
        );
        return wrong();
      }
      await this.link(m, claim, user, 'roster_code');
      return { residentId: claim.residentId };
    });
    if (result === 'used-up') throw new LinkGuessesUsedUp();
    if (!result) throw new InvalidInputError('code', 'is wrong or has expired');
    return result;
  }

  /**
   * A new code to the roster phone, within the claim's and the roster phone's link budgets
   * (never the phone's registration budget). Always answers the same, sent or not: whether the
   * roster has a phone, or how often it was asked, is nobody's business but the officer's.
   * A resend does not give the claim new guesses.
   */
  async resendCode(user: AuthUser): Promise<void> {
    const claim = await this.claims.ofUser(user.id);
    if (!claim || claim.codeAttempts >= CODE_MAX_ATTEMPTS) return;
    const resident = await this.residentRows.find(claim.residentId);
    if (!resident?.phoneEncrypted || !resident.phoneHmac) return;
    if (!(await this.limits.linkCode(resident.phoneHmac, claim.id))) return;
    const code = newCode();
    await this.claims.update(claim.id, {
      codeHash: codeHash(this.config.piiHmacKey, `link:${claim.id}`, code),
      codeExpiresAt: codeExpiry(),
    });
    await this.sms.send(this.pii.decrypt(resident.phoneEncrypted), rosterCodeText(code));
  }

  /**
   * Open claims on residents the officer manages (their sites), oldest first, a page at a time:
   * filtered in SQL (managedResidentsSql, ScopePolicy.managesResident's list twin) before the
   * page is cut, so no claim of theirs hides behind other sites' ones. The accounts' names and
   * phones come from access (AccountsDirectory) by the page's account ids, and whether such a
   * phone is one of the household's from the roster, one query each. Audited.
   */
  async list(actor: AuthUser, page = 1): Promise<{ claims: LinkClaimDto[]; hasMore: boolean }> {
    const scope = managedResidentsSql(actor, 'c.resident_id');
    const rows = await this.claims.page(scope, CLAIMS_PAGE_SIZE + 1, (page - 1) * CLAIMS_PAGE_SIZE);
    const shown = rows.slice(0, CLAIMS_PAGE_SIZE);
    const accounts = await this.accounts.contactsOf(shown.map((row) => row.user_id));
    const pairs = shown.flatMap((row) => {
      const account = accounts.get(row.user_id);
      return account ? [{ householdId: row.household_id, phoneHmac: account.phoneHmac }] : [];
    });
    const inHousehold = new Set(
      (await this.claims.householdPhones(pairs)).map((p) => `${p.householdId}:${p.phoneHmac}`),
    );
    // Every claim is made by an account (registration inserts both); accounts are never deleted.
    const claims = shown.flatMap((row) => {
      const account = accounts.get(row.user_id);
      if (!account) return [];
      return [
        {
          id: row.id,
          residentId: row.resident_id,
          residentName: row.resident_name,
          selfRegistered: row.resident_status === 'pending',
          accountName: account.name,
          accountPhone: maskPhone(this.pii.decrypt(account.phoneEncrypted)),
          accountPhoneInHousehold: inHousehold.has(`${row.household_id}:${account.phoneHmac}`),
          createdAt: row.created_at,
        },
      ];
    });
    if (claims.length) {
      await this.audit.record(actor, {
        action: 'resident.link_claims.read',
        entityType: 'resident',
        details: { residentIds: claims.map((c) => c.residentId) },
      });
    }
    return { claims, hasMore: rows.length > CLAIMS_PAGE_SIZE };
  }

  /** An officer of the resident's site decides; out of scope → 404. */
  async decide(actor: AuthUser, claimId: string, confirm: boolean, idCardChecked = false): Promise<void> {
    // Confirming is the officer's word that they saw the ID card: no tick, no link.
    if (confirm && !idCardChecked)
      throw new InvalidInputError('idCardChecked', 'confirm only after checking the ID card in person');
    await this.claims.transaction(async (m) => {
      const claim = await this.claims.lock(m, claimId);
      const ref = claim ? await this.residents.residentRef(claim.residentId, m) : null;
      this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Claim');
      const account = await this.accounts.residentLinkOf(m, claim!.userId);
      if (!confirm || !account) {
        await this.claims.delete(m, claim!.id);
        await this.audit.record(
          actor,
          {
            action: 'resident.link_reject',
            entityType: 'resident',
            entityId: claim!.residentId,
            onBehalfOfResidentId: claim!.residentId,
            details: { userId: claim!.userId },
          },
          m,
        );
        return;
      }
      await this.link(m, claim!, actor, 'officer', { idCardChecked: true });
    });
  }

  private async link(
    m: EntityManager,
    claim: ResidentLinkClaim,
    actor: AuthUser,
    proof: 'roster_code' | 'officer',
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (await this.accounts.eitherLinked(m, claim.residentId, claim.userId))
      throw new ConflictError('This resident already has an account', 'resident.already_linked');
    await this.users.linkResident(m, claim.userId, claim.residentId);
    // Other accounts' claims on the same person end with the link (their codes die too).
    await this.claims.deleteAllOn(m, claim.residentId);
    await this.audit.record(
      actor,
      {
        action: 'resident.link',
        entityType: 'resident',
        entityId: claim.residentId,
        onBehalfOfResidentId: claim.residentId,
        details: { userId: claim.userId, proof, ...extra },
      },
      m,
    );
  }
}
