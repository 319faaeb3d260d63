import { MigrationInterface, QueryRunner } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

/**
 * 组织生活 (issue 14): meeting records with attendance and photos, per-organisation rule overrides, and the
 * reminder rows whose unique key makes each reminder go out once. Every step checks what already exists, so an
 * interrupted run completes on the next start.
 */
export class OrgLife1764921600000 implements MigrationInterface {
  name = 'OrgLife1764921600000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureTable({
      name: 'meetings',
      columns: [
        col.id(),
        col.int('orgId'),
        col.varchar('kind', 32),
        col.varchar('status', 16),
        col.datetime('startsAt'),
        col.datetime('endsAt', true),
        col.int('periodMonth'),
        col.int('periodQuarter'),
        col.int('periodYear'),
        col.varchar('place', 200, true),
        col.bool('online'),
        col.varchar('hostName', 50, true),
        col.varchar('recorderName', 50, true),
        col.varchar('topic', 200),
        col.text('agenda'),
        col.text('minutes'),
        col.text('resolutions'),
        col.int('fromActivityId', true),
        col.int('presentCount', false, 0),
        col.int('leaveCount', false, 0),
        col.int('absentCount', false, 0),
        col.int('createdBy', true),
        col.datetime('archivedAt', true),
        col.int('archivedBy', true),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'IDX_meetings_org_start', columnNames: ['orgId', 'startsAt'] },
        { name: 'IDX_meetings_compliance', columnNames: ['status', 'periodYear', 'orgId', 'kind', 'periodMonth', 'startsAt'] },
        { name: 'UQ_meetings_activity', columnNames: ['fromActivityId'], isUnique: true },
      ],
      foreignKeys: [fk('orgId', 'orgs', 'CASCADE'), fk('fromActivityId', 'activities', 'SET NULL'), fk('createdBy', 'users', 'SET NULL'), fk('archivedBy', 'users', 'SET NULL')],
    });
    await steps.ensureTable({
      name: 'meeting_attendees',
      columns: [col.id(), col.int('meetingId'), col.int('userId'), col.varchar('name', 100), col.varchar('status', 16), col.varchar('reason', 200, true)],
      indices: [
        { name: 'UQ_meeting_attendees_person', columnNames: ['meetingId', 'userId'], isUnique: true },
        { name: 'IDX_meeting_attendees_user', columnNames: ['userId', 'meetingId'] },
      ],
      foreignKeys: [fk('meetingId', 'meetings', 'CASCADE'), fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'meeting_images',
      columns: [col.id(), col.int('meetingId'), col.int('imageId'), col.int('sortOrder', false, 0)],
      indices: [
        { name: 'UQ_meeting_images_image', columnNames: ['meetingId', 'imageId'], isUnique: true },
        { name: 'IDX_meeting_images_imageId', columnNames: ['imageId'] },
      ],
      foreignKeys: [fk('meetingId', 'meetings', 'CASCADE'), fk('imageId', 'images', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'meeting_rules',
      columns: [col.id(), col.int('orgId'), col.varchar('kind', 32), col.varchar('unit', 16), col.bool('required'), col.updatedAt(qr)],
      indices: [{ name: 'UQ_meeting_rules_org_kind', columnNames: ['orgId', 'kind'], isUnique: true }],
      foreignKeys: [fk('orgId', 'orgs', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'meeting_reminders',
      columns: [col.id(), col.int('orgId'), col.varchar('kind', 32), col.varchar('period', 8), col.createdAt(qr)],
      indices: [{ name: 'UQ_meeting_reminders_key', columnNames: ['orgId', 'kind', 'period'], isUnique: true }],
      foreignKeys: [fk('orgId', 'orgs', 'CASCADE')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.dropTableIfExists('meeting_reminders');
    await steps.dropTableIfExists('meeting_rules');
    await steps.dropTableIfExists('meeting_images');
    await steps.dropTableIfExists('meeting_attendees');
    await steps.dropTableIfExists('meetings');
  }
}
