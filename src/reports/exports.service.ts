import { Injectable, type StreamableFile } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { INDICATOR_NAMES_ZH } from '../i18n/indicator-vocabulary';
import { placementKindWord } from '../i18n/placement-vocabulary';
import { formatDateTime } from '../kernel/clock';
import { maskPhone } from '../platform/crypto/masking';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { labelOf, MONITORING_STATUS_VALUES } from '../imports/roster-columns';
import { INDICATOR_FIELDS, indicatorDefinitions } from './indicator-definitions';
import { ExportsRepository } from './exports.repository';
import { IndicatorsService } from './indicators.service';
import { streamXlsx } from './xlsx-stream';

const BATCH = 1000;

/**
 * Excel exports for officers' reporting upward (DESIGN.md "The web"): Chinese headers, national
 * IDs and phones masked, each export in the audit log (who exported what, for which site).
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly repo: ExportsRepository,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
  ) {}

  private phone(encrypted: string | null): string {
    return encrypted ? maskPhone(this.pii.decrypt(encrypted)) : '';
  }

  private async begin(actor: AuthUser, siteId: string, kind: string): Promise<void> {
    await this.indicators.requireSite(actor, siteId);
    await this.audit.record(actor, {
      action: `export.${kind}`,
      entityType: 'site',
      entityId: siteId,
      details: { export: kind },
    });
  }

  async placements(actor: AuthUser, siteId: string): Promise<StreamableFile> {
    await this.begin(actor, siteId, 'placements');
    return streamXlsx(
      '就业记录',
      [
        { header: '姓名', key: 'name', width: 12 },
        { header: '户号', key: 'number', width: 8 },
        { header: '户主', key: 'head', width: 12 },
        { header: '身份证号', key: 'nationalId', width: 22 },
        { header: '手机号', key: 'phone', width: 14 },
        { header: '就业类型', key: 'kind', width: 16 },
        { header: '就业单位', key: 'employer', width: 24 },
        { header: '务工城市', key: 'city', width: 10 },
        { header: '开始日期', key: 'start', width: 12 },
        { header: '结束日期', key: 'end', width: 12 },
        { header: '结束原因', key: 'reason', width: 20 },
        { header: '月收入（元）', key: 'income', width: 12 },
      ],
      { ascii: 'placements.xlsx', utf8: '就业记录.xlsx' },
      async (add) => {
        let after = '00000000-0000-0000-0000-000000000000';
        for (;;) {
          const rows = await this.repo.placementsAfter(siteId, after, BATCH);
          for (const r of rows) {
            add({
              name: r.name,
              number: r.number,
              head: r.head ?? '',
              nationalId: r.masked ?? '',
              phone: this.phone(r.phone),
              kind: placementKindWord(r.kind) ?? r.kind,
              employer: r.employer ?? '',
              city: r.city ?? '',
              start: r.start,
              end: r.end ?? '',
              reason: r.reason ?? '',
              income: r.income === null ? null : Number(r.income),
            });
          }
          if (rows.length < BATCH) return;
          after = rows[rows.length - 1].id;
        }
      },
    );
  }

  async zeroEmploymentHouseholds(actor: AuthUser, siteId: string): Promise<StreamableFile> {
    await this.begin(actor, siteId, 'zero_employment_households');
    return streamXlsx(
      '零就业家庭',
      [
        { header: '户号', key: 'number', width: 8 },
        { header: '户主', key: 'head', width: 12 },
        { header: '户籍所在地', key: 'origin', width: 16 },
        { header: '户籍所在地代码', key: 'originCode', width: 14 },
        { header: '监测类型', key: 'monitoring', width: 14 },
        { header: '劳动力人数', key: 'laborForce', width: 10 },
        { header: '家庭成员', key: 'members', width: 30 },
        { header: '联系人身份证号', key: 'nationalId', width: 22 },
        { header: '联系电话', key: 'phone', width: 14 },
        { header: '零就业起始时间', key: 'since', width: 14 },
      ],
      { ascii: 'zero-employment-households.xlsx', utf8: '零就业家庭.xlsx' },
      async (add) => {
        const rows = await this.repo.zeroEmploymentHouseholds(siteId);
        for (const r of rows) {
          add({
            number: r.number,
            head: r.head ?? '',
            origin: r.origin ?? '',
            originCode: r.origin_code,
            monitoring: labelOf(MONITORING_STATUS_VALUES, r.monitoring as never),
            laborForce: r.capable,
            members: r.members ?? '',
            nationalId: r.masked ?? '',
            phone: this.phone(r.phone),
            since: r.since ?? '',
          });
        }
      },
    );
  }

  async siteIndicators(actor: AuthUser, siteId: string): Promise<StreamableFile> {
    await this.begin(actor, siteId, 'site_indicators');
    const s = await this.indicators.summarize([siteId]);
    const defs = indicatorDefinitions(this.indicators.settings.postingReachKm);
    return streamXlsx(
      '安置点指标',
      [
        { header: '指标', key: 'name', width: 22 },
        { header: '数值', key: 'value', width: 12 },
        { header: '口径说明', key: 'definition', width: 90 },
      ],
      { ascii: 'site-indicators.xlsx', utf8: '安置点就业指标.xlsx' },
      async (add) => {
        for (const f of INDICATOR_FIELDS) {
          add({ name: INDICATOR_NAMES_ZH[f], value: s[f], definition: defs[f].zh });
        }
        add({ name: '统计时间', value: formatDateTime(s.asOf), definition: '北京时间' });
      },
    );
  }
}
