import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { channelText } from '../notifications/channels/channel-text';
import { NotificationsService } from '../notifications/notifications.service';
import { RegionsService } from '../regions/regions.service';
import { HouseholdFacts } from '../residents/household-facts';

export interface AtRiskHousehold {
  householdId: string;
  siteId: string;
  originRegionCode: string;
  /** The placement whose end left the household with no one at work: names the event. */
  placementId: string;
}

/**
 * A placement end that leaves a household with labour but no one at work raises an alert at
 * once (DESIGN.md "Domain": Placement). POLICY.md: zero-employment households are cleared
 * dynamically; help starts within 3 days ("131" service: 1 job introduction, 3 job
 * recommendations, 1 training offer). The officers of the site manage the household, those of its
 * origin region share responsibility (dual jurisdiction): each gets exactly one notification per
 * event (the dedup key names household and placement; users in both groups are counted once).
 * `household.atRiskSince` is set by the household recompute in the same transaction.
 */
@Injectable()
export class AtRiskAlerts {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly regions: RegionsService,
    private readonly households: HouseholdFacts,
  ) {}

  /** Returns the number of officers notified (0 when this event was already announced). */
  async raise(manager: EntityManager, h: AtRiskHousehold): Promise<number> {
    const [ofSite, ofRegion, site] = await Promise.all([
      this.notifications.officersOfSites([h.siteId]),
      this.notifications.officersOfRegion(h.originRegionCode),
      this.regions.findSite(h.siteId),
    ]);
    const recipients = [...new Set([...ofSite, ...ofRegion].map((o) => o.userId))];
    const siteName = site?.name ?? '安置点';
    // Officers in scope read the household by its number and head; the site's robot channel (a
    // group chat) gets the number only: the head's name is personal data.
    const named = await this.households.labelOf(h.householdId, manager);
    const number = named ? `${named.number} 号` : '';
    const who = named?.headName ? `${number}（${named.headName}家）` : number;
    const title = '零就业家庭预警';
    const help =
      '按政策要求，请在 3 天内联系帮扶：提供 1 次职业介绍、3 个岗位推荐和 1 次培训机会，力争 5 天内清零。';
    const body = `${siteName}的 ${who} 家庭刚刚变为零就业家庭（家中有劳动力但无人就业）。${help}`;
    const channelBody = `${siteName}的 ${number} 家庭刚刚变为零就业家庭（家中有劳动力但无人就业）。${help}`;
    const link = `/households/${h.householdId}`;
    const prefix = `atrisk:${h.householdId}:${h.placementId}`;
    const notified = await this.notifications.notifyUsers(manager, {
      recipients,
      kind: 'household.at_risk',
      title,
      body,
      payload: { householdId: h.householdId, siteId: h.siteId, placementId: h.placementId, link },
      dedupKeyPrefix: prefix,
    });
    await this.notifications.notifySiteChannels(manager, {
      siteIds: [h.siteId],
      title,
      markdown: channelText`### ${title}\n${channelBody}`,
      text: channelText`${channelBody}`,
      dedupKeyPrefix: prefix,
    });
    return notified;
  }
}
