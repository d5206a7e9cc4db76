import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../access/users.service';
import { EmployersService } from '../employers/employers.service';
import { inviterNoticeZh, residentNoticeZh } from '../i18n/application-notices';
import { NotificationsService } from '../notifications/notifications.service';
import { PostingsDirectory } from '../postings/postings-directory';
import type { Application } from './application.entity';
import type { ApplicationSource, ApplicationStatus } from './application-status';

/** The notifications of an application, in the change's transaction (texts: i18n/application-notices.ts). */
@Injectable()
export class ApplicationNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly employers: EmployersService,
    private readonly postings: PostingsDirectory,
  ) {}

  /** The resident is told of every change (and of a referral or an invitation made for them). */
  async toResident(
    m: EntityManager,
    a: Application,
    status: ApplicationStatus,
    postingTitle?: string,
    source?: ApplicationSource,
  ): Promise<void> {
    const users = await this.users.activeIdsOfResidents([a.residentId], m);
    if (!users.length) return;
    const title = postingTitle ?? (await this.postings.postingRef(a.postingId, m))?.title ?? '';
    const text = residentNoticeZh(title, status, source);
    await this.notifications.notifyUsers(m, {
      recipients: users,
      kind: 'application.status_changed',
      title: text.title,
      body: text.body,
      payload: { applicationId: a.id, postingId: a.postingId, status, link: `/applications/${a.id}` },
      dedupKeyPrefix: `app:${a.id}:${status}`,
    });
  }

  /** The employer learns the answer to its invitation (ids and the posting title only). */
  async toInviter(m: EntityManager, a: Application, answer: ApplicationStatus): Promise<void> {
    const employer = await this.employers.summary(a.employerId, m);
    if (!employer) return;
    const title = (await this.postings.postingRef(a.postingId, m))?.title ?? '';
    const text = inviterNoticeZh(title, answer);
    await this.notifications.notifyUsers(m, {
      recipients: [employer.ownerUserId],
      kind: 'application.invitation_answered',
      title: text.title,
      body: text.body,
      payload: { applicationId: a.id, postingId: a.postingId, status: answer },
      dedupKeyPrefix: `app:${a.id}:answer`,
    });
  }
}
