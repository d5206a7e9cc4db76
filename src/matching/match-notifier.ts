import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { RankedMatch } from './engine';
import type { LoadedResident, LoadedSite } from './loaders/candidate.loader';

export interface RankedPosting {
  id: string;
  version: number;
  title: string;
  wageText: string;
}

export interface NotifyOutcome {
  officerNotifications: number;
  channelDeliveries: number;
  jobAlerts: number;
}

/** The officers' list of a posting's matches (web page path; robots get it as text). */
export function matchesLink(postingId: string): string {
  return `/officer/postings/${postingId}/matches`;
}

/**
 * Tells the officers of each site with strong matches, and residents who opted in, after a
 * posting is ranked. Runs in the transaction that stores the matches: a crash leaves neither,
 * a retry finds the dedup keys (NotificationsService) and sends nothing twice.
 */
@Injectable()
export class MatchNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async postingRanked(
    m: EntityManager,
    posting: RankedPosting,
    results: readonly RankedMatch[],
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    strongMatch: number,
  ): Promise<NotifyOutcome> {
    const out: NotifyOutcome = { officerNotifications: 0, channelDeliveries: 0, jobAlerts: 0 };
    const strong = results.filter((r) => r.score >= strongMatch && residents.has(r.residentId));
    if (!strong.length) return out;

    const perSite = new Map<string, { count: number; zeroEmployment: number; monitored: number }>();
    for (const r of strong) {
      const res = residents.get(r.residentId)!;
      const s = perSite.get(res.input.siteId) ?? { count: 0, zeroEmployment: 0, monitored: 0 };
      s.count += 1;
      if (res.input.household.zeroEmployment) s.zeroEmployment += 1;
      if (res.input.household.monitoringStatus !== 'none') s.monitored += 1;
      perSite.set(res.input.siteId, s);
    }

    const officers = await this.notifications.officersOfSites([...perSite.keys()]);
    const link = matchesLink(posting.id);
    for (const [siteId, s] of [...perSite].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const siteName = sites.get(siteId)?.name ?? '';
      const prefix = `match:${posting.id}:v${posting.version}:site:${siteId}`;
      const title = `「${posting.title}」有 ${s.count} 位合适人选`;
      const body =
        `${siteName}：${s.count} 人匹配度达到 ${strongMatch} 分以上，` +
        `其中零就业家庭 ${s.zeroEmployment} 人、监测户 ${s.monitored} 人。请查看名单并推荐。`;
      out.officerNotifications += await this.notifications.notifyUsers(m, {
        recipients: officers.filter((o) => o.siteId === siteId).map((o) => o.userId),
        kind: 'match.posting_ranked',
        title,
        body,
        payload: {
          postingId: posting.id,
          siteId,
          count: s.count,
          zeroEmployment: s.zeroEmployment,
          monitored: s.monitored,
          link,
        },
        dedupKeyPrefix: prefix,
      });
      out.channelDeliveries += await this.notifications.notifySiteChannels(m, {
        siteIds: [siteId],
        title,
        markdown: [
          `**新岗位匹配：${posting.title}**`,
          `> 安置点：${siteName}`,
          `> 合适人选：<font color="info">${s.count}</font> 人（匹配度 ≥ ${strongMatch}）`,
          `> 零就业家庭：<font color="warning">${s.zeroEmployment}</font> 人；监测户：<font color="warning">${s.monitored}</font> 人`,
          `名单：${link}`,
        ].join('\n'),
        text: `${title}\n${body}\n名单：${link}`,
        dedupKeyPrefix: prefix,
      });
    }

    const alertIds = strong.filter((r) => residents.get(r.residentId)!.jobAlerts).map((r) => r.residentId);
    if (alertIds.length) {
      // app_user.resident_id links a resident to their account (access/ owns it; a read only).
      const users: { id: string; residentId: string }[] = await m.query(
        `SELECT id, resident_id AS "residentId" FROM app_user
          WHERE resident_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY resident_id`,
        [alertIds],
      );
      const byResident = new Map(strong.map((r) => [r.residentId, r]));
      for (const u of users) {
        const r = byResident.get(u.residentId)!;
        const created = await this.notifications.jobAlert(m, {
          residentUserId: u.id,
          postingId: posting.id,
          postingVersion: posting.version,
          title: `为您推荐：${posting.title}`,
          body: `${posting.wageText}。${r.reason.zh}`,
          payload: { score: r.score },
          smsText: `【乐业】为您推荐岗位“${posting.title}”，${posting.wageText}。登录乐业查看详情并报名。`,
        });
        if (created) out.jobAlerts += 1;
      }
    }
    return out;
  }
}
