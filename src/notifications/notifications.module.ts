import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { EmailChannel } from './channels/email-channel';
import { LoggingSmsSender, SmsSender } from '../platform/sms/sms-sender';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliverNotificationJob } from './deliver-notification.job';
import { DeliveryService } from './delivery.service';
import { DispatchPendingDeliveriesJob } from './dispatch-pending-deliveries.job';
import { InboxService } from './inbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * In-app inbox and outside channels (WeCom / DingTalk robots, e-mail, SMS port). Other modules
 * import this module and call NotificationsService inside their own transactions.
 */
@Module({
  imports: [RegionsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    InboxService,
    DeliveryService,
    NotificationsRepository,
    DeliveriesRepository,
    EmailChannel,
    // The SMS gateway port: replace LoggingSmsSender with a real provider's adapter.
    { provide: SmsSender, useClass: LoggingSmsSender },
    DeliverNotificationJob,
    DispatchPendingDeliveriesJob,
  ],
  exports: [NotificationsService, InboxService],
})
export class NotificationsModule {}
