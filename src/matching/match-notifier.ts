import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  NotificationsService,
  type JobAlertInput,
  type NotifyUsersInput,
  type NotifySiteChannelsInput,
} from '../notifications/notifications.service';
import { jobAlertSmsText } from '../notifications/channels/alert-text';
import { channelText, verbatim } from '../notifications/channels/channel-text';
import type { RankedMatch } from './engine';
import type { LoadedResident, LoadedSite } from './loaders/candidate.loader';

export interface RankedPosting {
  id: string;
  version: number;
  title: string;
  wageText: string;
}

/** Officers (app_user ids) per site id: who is told of strong matches there. */
export type OfficersBySite = ReadonlyMap<string, readonly string[]>;

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

  /** One posting's list (rank-posting): see postingsRanked. */
  postingRanked(
    m: EntityManager,
    posting: RankedPosting,
    results: readonly RankedMatch[],
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    strongMatch: number,
  ): Promise<NotifyOutcome> {
    return this.postingsRanked(m, [{ posting, results }], residents, sites, strongMatch);
  }

  /**
   * The officers of these sites, read once for a whole re-rank job (the read matches every
   * officer's scope against every site: ~7 ms at county scale, too much for each chunk).
   */
  async officersBySite(siteIds: readonly string[]): Promise<OfficersBySite> {
    const out = new Map<string, string[]>();
    for (const o of await this.notifications.officersOfSites([...siteIds])) {
      const list = out.get(o.siteId) ?? [];
      list.push(o.userId);
      out.set(o.siteId, list);
    }
    return out;
  }

  /**
   * Several postings' lists (a chunk of the nightly re-rank) in a fixed number of statements: one
   * read of the officers, one insert of their notifications, one of the site channels' deliveries,
   * one read of the alerted residents' accounts, one insert of the alerts and one of their SMS.
   */
  async postingsRanked(
    m: EntityManager,
    lists: readonly {
      posting: RankedPosting;
      results: readonly RankedMatch[];
      /**
       * The residents' rows this posting newly entered (their top recommendations): those who
       * opted in get a job alert, once per posting version. Without it, the strong matches do.
       */
      entered?: readonly RankedMatch[];
    }[],
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    strongMatch: number,
    /** Read for these lists when not given (rank-posting); a re-rank job passes its own. */
    known?: OfficersBySite,
  ): Promise<NotifyOutcome> {
    const strongLists = lists
      .map(({ posting, results }) => ({
        posting,
        strong: results.filter((r) => r.score >= strongMatch && residents.has(r.residentId)),
      }))
      .filter((l) => l.strong.length > 0);
    const out: NotifyOutcome = { officerNotifications: 0, channelDeliveries: 0, jobAlerts: 0 };
    if (strongLists.length)
      await this.notifyOfficers(m, strongLists, residents, sites, strongMatch, known, out);
    const alertLists = lists
      .map(({ posting, results, entered }) => ({
        posting,
        alerted: (entered ?? results.filter((r) => r.score >= strongMatch)).filter(
          (r) => residents.get(r.residentId)?.jobAlerts,
        ),
      }))
      .filter((l) => l.alerted.length > 0);
    if (alertLists.length) out.jobAlerts = await this.alertResidents(m, alertLists);
    return out;
  }

  private async notifyOfficers(
    m: EntityManager,
    strongLists: readonly { posting: RankedPosting; strong: readonly RankedMatch[] }[],
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    strongMatch: number,
    known: OfficersBySite | undefined,
    out: NotifyOutcome,
  ): Promise<void> {
    const officerEvents: NotifyUsersInput[] = [];
    const channelEvents: NotifySiteChannelsInput[] = [];
    const perPosting = strongLists.map(({ posting, strong }) => ({
      posting,
      perSite: this.perSite(strong, residents),
    }));
    const officers =
      known ?? (await this.officersBySite([...new Set(perPosting.flatMap((p) => [...p.perSite.keys()]))]));
    for (const { posting, perSite } of perPosting) {
      const link = matchesLink(posting.id);
      for (const [siteId, s] of [...perSite].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const siteName = sites.get(siteId)?.name ?? '';
        const prefix = `match:${posting.id}:v${posting.version}:site:${siteId}`;
        const title = `「${posting.title}」有 ${s.count} 位合适人选`;
        const body =
          `${siteName}：${s.count} 人匹配度达到 ${strongMatch} 分以上，` +
          `其中零就业家庭 ${s.zeroEmployment} 人、监测户 ${s.monitored} 人。请查看名单并推荐。`;
        officerEvents.push({
          recipients: [...(officers.get(siteId) ?? [])],
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
        channelEvents.push({
          siteIds: [siteId],
          title,
          // channelText: the posting title and site name are escaped for each channel's format.
          markdown: channelText`**新岗位匹配：${posting.title}**
> 安置点：${siteName}
> 合适人选：<font color="info">${s.count}</font> 人（匹配度 ≥ ${strongMatch}）
> 零就业家庭：<font color="warning">${s.zeroEmployment}</font> 人；监测户：<font color="warning">${s.monitored}</font> 人
名单：${verbatim(link)}`,
          text: channelText`${title}\n${body}\n名单：${verbatim(link)}`,
          dedupKeyPrefix: prefix,
        });
      }
    }
    out.officerNotifications = await this.notifications.notifyUsersMany(m, officerEvents);
    out.channelDeliveries = await this.notifications.notifySiteChannelsMany(m, channelEvents);
  }

  /** Job alerts to the residents (who opted in) of each list, in two statements for all lists. */
  private async alertResidents(
    m: EntityManager,
    alertLists: readonly { posting: RankedPosting; alerted: readonly RankedMatch[] }[],
  ): Promise<number> {
    const alertIds = [...new Set(alertLists.flatMap((l) => l.alerted.map((r) => r.residentId)))];
    // app_user.resident_id links a resident to their account (access/ owns it; a read only).
    const users: { id: string; residentId: string }[] = await m.query(
      `SELECT id, resident_id AS "residentId" FROM app_user
        WHERE resident_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY resident_id`,
      [alertIds],
    );
    const userOf = new Map(users.map((u) => [u.residentId, u.id]));
    const alerts: JobAlertInput[] = [];
    for (const { posting, alerted } of alertLists)
      for (const r of alerted) {
        const userId = userOf.get(r.residentId);
        if (userId === undefined) continue;
        alerts.push({
          residentUserId: userId,
          postingId: posting.id,
          postingVersion: posting.version,
          title: `为您推荐：${posting.title}`,
          body: `${posting.wageText}。${r.reasons.resident.zh}`,
          payload: { score: r.score },
          smsText: jobAlertSmsText(posting.title, posting.wageText),
        });
      }
    return this.notifications.jobAlerts(m, alerts);
  }

  /** Strong matches per site of the residents: how many, from zero-employment and monitored households. */
  private perSite(
    strong: readonly RankedMatch[],
    residents: ReadonlyMap<string, LoadedResident>,
  ): Map<string, { count: number; zeroEmployment: number; monitored: number }> {
    const perSite = new Map<string, { count: number; zeroEmployment: number; monitored: number }>();
    for (const r of strong) {
      const res = residents.get(r.residentId)!;
      const s = perSite.get(res.input.siteId) ?? { count: 0, zeroEmployment: 0, monitored: 0 };
      s.count += 1;
      if (res.input.household.zeroEmployment) s.zeroEmployment += 1;
      if (res.input.household.monitoringStatus !== 'none') s.monitored += 1;
      perSite.set(res.input.siteId, s);
    }
    return perSite;
  }
}
