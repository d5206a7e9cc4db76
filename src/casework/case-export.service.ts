import { Injectable, type StreamableFile } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { CASE_WORDS_ZH } from '../i18n/casework-vocabulary';
import { todayInPilotZone } from '../kernel/clock';
import { InvalidInputError } from '../kernel/domain-errors';
import { streamXlsx, type XlsxColumn } from '../reports/xlsx-stream';
import { householdName } from './case-view';
import { CaseworkRepository } from './casework.repository';
import { memberServices } from './member-services';
import { CaseRecords } from './case-records';
import { CaseworkSettings } from './casework-settings';
import type { ExportCasesQuery } from './dto/case.dto';

const COLUMNS: XlsxColumn[] = [
  { header: '家庭', key: 'household', width: 18 },
  { header: '户籍地代码', key: 'origin', width: 12 },
  { header: '状态', key: 'status', width: 8 },
  { header: '致零原因', key: 'cause', width: 10 },
  { header: '认定日期', key: 'openedOn', width: 12 },
  { header: '首次联系期限', key: 'firstContactDueOn', width: 12 },
  { header: '首次联系日期', key: 'firstContactOn', width: 12 },
  { header: '清零期限', key: 'clearDueOn', width: 12 },
  { header: '家庭情况', key: 'familySituation', width: 20 },
  { header: '失业原因', key: 'unemploymentCause', width: 20 },
  { header: '技能特长', key: 'skillsNote', width: 20 },
  { header: '培训意愿', key: 'trainingWish', width: 20 },
  { header: '就业意向', key: 'jobIntention', width: 20 },
  { header: '成员', key: 'member', width: 10 },
  { header: '政策宣讲', key: 'policyBriefing', width: 8 },
  { header: '职业指导', key: 'guidance', width: 8 },
  { header: '岗位推荐', key: 'referrals', width: 8 },
  { header: '培训机会', key: 'trainingOffers', width: 8 },
  { header: '服务包', key: 'bundle', width: 8 },
  { header: '结案原因', key: 'closedReason', width: 14 },
];

const BATCH = 200;

/**
 * The ledger as officers report it upward (台账): one row per household and member, with the
 * five things known, the services each member was given, and the case's dates. Members' names
 * are personal data: each export audits the members it lists.
 */
@Injectable()
export class CaseExportService {
  constructor(
    private readonly repo: CaseworkRepository,
    private readonly records: CaseRecords,
    private readonly settings: CaseworkSettings,
    private readonly audit: AuditService,
  ) {}

  ledger(actor: AuthUser, q: ExportCasesQuery): StreamableFile {
    if (!q.siteId && !q.regionCode) throw new InvalidInputError('siteId', 'siteId or regionCode is required');
    const today = todayInPilotZone();
    return streamXlsx(
      '台账',
      COLUMNS,
      { ascii: 'cases.xlsx', utf8: '零就业家庭帮扶台账.xlsx' },
      async (add) => {
        for (let offset = 0; ; offset += BATCH) {
          const { rows } = await this.records.list(actor, {
            siteId: q.siteId,
            regionCode: q.regionCode,
            today,
            offset,
            limit: BATCH,
          });
          if (!rows.length) return;
          const ids = rows.map((r) => r.id);
          const [actions, members, queue] = await Promise.all([
            this.repo.actions(ids),
            this.records.members(rows.map((r) => r.householdId)),
            this.records.queueReferrals(ids),
          ]);
          await this.audit.recordReads(
            actor,
            'resident',
            members.map((m) => m.id),
            'resident.exported',
          );
          for (const c of rows) {
            const ledger = await this.repo.ledger(c.householdId);
            const bundle = this.settings.rules(c.originRegionCode, c.siteRegionCode).serviceBundle;
            const own = members.filter((m) => m.householdId === c.householdId);
            const services = memberServices(
              own,
              actions.filter((a) => a.caseId === c.id),
              bundle,
              queue.filter((q) => q.caseId === c.id),
            );
            const base = {
              household: householdName(c),
              origin: c.originRegionCode,
              status: CASE_WORDS_ZH.status[c.status],
              cause: CASE_WORDS_ZH.cause[c.cause],
              openedOn: c.openedOn,
              firstContactDueOn: c.firstContactDueOn,
              firstContactOn: c.firstContactOn ?? '',
              clearDueOn: c.clearDueOn,
              familySituation: ledger?.familySituation ?? '',
              unemploymentCause: ledger?.unemploymentCause ?? '',
              skillsNote: ledger?.skillsNote ?? '',
              trainingWish: ledger?.trainingWish ?? '',
              jobIntention: ledger?.jobIntention ?? '',
              bundle: bundle.name,
              closedReason: c.closedReason ? CASE_WORDS_ZH.closeReason[c.closedReason] : '',
            };
            if (!own.length) add({ ...base, member: '' });
            own.forEach((m, i) => add({ ...base, member: m.name, ...services[i] }));
          }
          if (rows.length < BATCH) return;
        }
      },
    );
  }
}
