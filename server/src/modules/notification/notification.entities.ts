import { NotificationEntity } from './notification.entity';
import { OutboxEntity } from './outbox.entity';

/** The tables the notification module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const NOTIFICATION_ENTITIES = [NotificationEntity, OutboxEntity];
