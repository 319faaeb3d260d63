import { MigrationInterface, QueryRunner } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

export class Activities1764316800000 implements MigrationInterface {
  name = 'Activities1764316800000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureTable({
      name: 'activities',
      columns: [
        col.id(),
        col.int('orgId'),
        col.varchar('title', 100),
        col.varchar('type', 32),
        col.text('description', false),
        col.varchar('coverUrl', 500, true),
        col.varchar('location', 200),
        col.varchar('onlineUrl', 500, true),
        col.datetime('startAt'),
        col.datetime('endAt'),
        col.datetime('signupStartAt', true),
        col.datetime('signupEndAt'),
        col.int('capacity', true),
        col.bool('waitlist'),
        col.bool('requiresApproval'),
        col.datetime('cancelDeadline', true),
        col.json('formFields', false),
        col.varchar('status', 16),
        col.datetime('publishedAt', true),
        col.datetime('cancelledAt', true),
        col.varchar('cancelReason', 200, true),
        col.int('confirmedCount', false, 0),
        col.datetime('reminderSentAt', true),
        col.int('createdBy'),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'IDX_activities_org', columnNames: ['orgId'] },
        { name: 'IDX_activities_status_start', columnNames: ['status', 'startAt'] },
      ],
      foreignKeys: [fk('orgId', 'orgs'), fk('createdBy', 'users')],
    });
    await steps.ensureTable({
      name: 'registrations',
      columns: [
        col.id(),
        col.int('activityId'),
        col.int('userId'),
        col.varchar('status', 16),
        col.json('answers', false),
        col.datetime('queuedAt'),
        col.varchar('attendance', 16, false, 'NONE'),
        col.varchar('leaveReason', 200, true),
        col.varchar('rejectReason', 200, true),
        col.datetime('checkedInAt', true),
        col.int('reviewedBy', true),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'UQ_registrations_activity_user', columnNames: ['activityId', 'userId'], isUnique: true },
        { name: 'IDX_registrations_queue', columnNames: ['activityId', 'status', 'queuedAt'] },
        { name: 'IDX_registrations_user', columnNames: ['userId'] },
      ],
      foreignKeys: [fk('activityId', 'activities', 'CASCADE'), fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'notifications',
      columns: [
        col.id(),
        col.int('userId'),
        col.varchar('kind', 40),
        col.varchar('title', 100),
        col.varchar('body', 500),
        col.varchar('link', 300, true),
        col.datetime('readAt', true),
        col.createdAt(qr),
      ],
      indices: [{ name: 'IDX_notifications_user', columnNames: ['userId', 'id'] }],
      foreignKeys: [fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'notification_outbox',
      columns: [
        col.id(),
        col.int('notificationId'),
        col.int('userId'),
        col.varchar('templateKey', 40),
        col.json('data', false),
        col.varchar('page', 300, true),
        col.varchar('status', 16),
        col.int('attempts', false, 0),
        col.datetime('nextAttemptAt'),
        col.datetime('lockedUntil', true),
        col.varchar('lockedBy', 64, true),
        col.varchar('lastError', 300, true),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [{ name: 'IDX_outbox_due', columnNames: ['status', 'nextAttemptAt'] }],
      foreignKeys: [fk('notificationId', 'notifications', 'CASCADE'), fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'job_leases',
      columns: [{ name: 'name', type: 'varchar', length: '64', isPrimary: true }, col.varchar('holder', 64), col.datetime('expiresAt')],
    });
    await steps.ensureTable({
      name: 'wechat_tokens',
      columns: [{ name: 'name', type: 'varchar', length: '64', isPrimary: true }, col.varchar('value', 1000), col.datetime('expiresAt')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    for (const table of ['wechat_tokens', 'job_leases', 'notification_outbox', 'notifications', 'registrations', 'activities']) {
      await steps.dropTableIfExists(table);
    }
  }
}
