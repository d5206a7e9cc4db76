import { Injectable, type StreamableFile } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { ScopePolicy } from '../../access/scope/scope-policy';
import { AuditService } from '../../audit/audit.service';
import { maskNationalId } from '../../platform/crypto/masking';
import { RegionsService } from '../../regions/regions.service';
import { ResidentProgrammeReads } from '../../residents/resident-programme-facts';
import { streamXlsx, type XlsxColumn } from '../../reports/xlsx-stream';
import { basisText, subsidyWords } from '../../i18n/subsidy-vocabulary';
import { SubsidiesRepository } from './subsidies.repository';

/**
 * The public notice roster (公示名单) of a batch: posted on the site's notice board before the
 * money is paid (POLICY.md "Transport subsidies … posted publicly"), so national IDs are masked
 * (first 6 and last 4) and nothing else personal is listed. Each download audits its residents.
 */
@Injectable()
export class SubsidyNoticeService {
  constructor(
    private readonly repo: SubsidiesRepository,
    private readonly policy: ScopePolicy,
    private readonly regions: RegionsService,
    private readonly residentFacts: ResidentProgrammeReads,
    private readonly audit: AuditService,
  ) {}

  async roster(actor: AuthUser, batchId: string): Promise<StreamableFile> {
    const batch = await this.repo.batch(batchId);
    const site = batch ? await this.regions.findSite(batch.siteId) : null;
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Batch');
    const claims = await this.repo.claimsOfBatch(batch!.id);
    const people = new Map(
      (await this.residentFacts.ofIds(claims.map((c) => c.residentId))).map((r) => [r.id, r]),
    );
    await this.audit.recordReads(
      actor,
      'resident',
      claims.map((c) => c.residentId),
      'resident.exported',
    );
    const t = subsidyWords('zh');
    const columns: XlsxColumn[] = [
      { header: t('subsidy.roster.no'), key: 'no', width: 6 },
      { header: t('subsidy.roster.name'), key: 'name', width: 10 },
      { header: t('subsidy.roster.nationalId'), key: 'nationalId', width: 22 },
      { header: t('subsidy.roster.programme'), key: 'programme', width: 18 },
      { header: t('subsidy.roster.period'), key: 'period', width: 10 },
      { header: t('subsidy.roster.amount'), key: 'amount', width: 12 },
      { header: t('subsidy.roster.basis'), key: 'basis', width: 36 },
    ];
    return streamXlsx(
      t('subsidy.roster.sheet'),
      columns,
      {
        ascii: `subsidy-notice-${batch!.period}.xlsx`,
        utf8: `${t('subsidy.roster.file')}-${site!.name}-${batch!.period}.xlsx`,
      },
      (add) => {
        claims.forEach((c, i) => {
          const p = people.get(c.residentId);
          // Stored masked at registration; masked again so a full number can never reach the board.
          const id = p?.nationalIdMasked ? maskNationalId(p.nationalIdMasked) : '';
          add({
            no: i + 1,
            name: p?.name ?? '',
            nationalId: id,
            programme: t(`subsidy.programme.${c.programme}`),
            period: c.period,
            amount: c.amount,
            basis: basisText(t, c.programme, c.basis),
          });
        });
        return Promise.resolve();
      },
    );
  }
}
